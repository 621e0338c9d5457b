package dev.chorus.common.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Runs a read in a session of its own. SmallRye GraphQL resolves sibling fields of one request concurrently on
 * one Vert.x context, so a context-bound session ({@code @WithSession}) would be shared and closed under their
 * feet; every query resolver reads through here instead. Mutations run one after another and may use
 * {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class Reads {
    private final Mutiny.SessionFactory sessions;

    public Reads(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession().chain(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session).eventually(session::close);
        });
    }
}
