package dev.chorus.common.db;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;

/**
 * The columns an entity maps, as a native query's select list ({@code e.id, e.title, …}), never {@code e.*}.
 * A newer version's migration that adds a column while this one runs (a rolling deploy) would change what
 * {@code e.*} returns: PostgreSQL then refuses every statement the connections had prepared for it, and Hibernate
 * fails to map the wider rows. A fixed list reads the same columns before and after.
 *
 * <p>Column names follow the services' naming (Quarkus' default, Hibernate's camel case to underscores), or
 * {@code @Column(name)}.
 */
public final class Columns {
    private static final ClassValue<List<String>> NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> entity) {
            List<String> names = new ArrayList<>();
            for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
                if (!c.isAnnotationPresent(Entity.class) && !c.isAnnotationPresent(MappedSuperclass.class)) {
                    continue;
                }
                List<String> own = new ArrayList<>();
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                            || field.isAnnotationPresent(Transient.class) || field.getName().startsWith("$$")) {
                        continue;
                    }
                    Column column = field.getAnnotation(Column.class);
                    own.add(column != null && !column.name().isEmpty() ? column.name() : snake(field.getName()));
                }
                names.addAll(0, own);
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException(entity + " maps no column");
            }
            return List.copyOf(names);
        }
    };

    private Columns() {
    }

    /** Each entity's select lists by alias, made once: reads build their SQL on every request. */
    private static final ClassValue<Map<String, String>> LISTS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> entity) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The entity's columns qualified by {@code alias}, comma-separated. */
    public static String of(Class<?> entity, String alias) {
        return LISTS.get(entity).computeIfAbsent(alias, a -> {
            StringBuilder list = new StringBuilder();
            for (String name : NAMES.get(entity)) {
                list.append(list.length() == 0 ? "" : ", ").append(a).append('.').append(name);
            }
            return list.toString();
        });
    }

    /** {@code select <the entity's columns> from <its table> <alias>}, to go on with joins or a condition. */
    public static String select(Class<?> entity, String alias) {
        return "select " + of(entity, alias) + " from " + Reads.table(entity) + " " + alias;
    }

    /** The entity's column names. */
    public static List<String> names(Class<?> entity) {
        return NAMES.get(entity);
    }

    /** As Hibernate's {@code CamelCaseToUnderscoresNamingStrategy}: {@code confirmedCount} → {@code confirmed_count}. */
    static String snake(String name) {
        StringBuilder builder = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < builder.length() - 1; i++) {
            char before = builder.charAt(i - 1);
            char current = builder.charAt(i);
            char after = builder.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                builder.insert(i++, '_');
            }
        }
        return builder.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
