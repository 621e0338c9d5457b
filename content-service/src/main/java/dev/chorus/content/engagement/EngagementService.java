package dev.chorus.content.engagement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.security.Access;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Engagement counters, kept per work and day. They are plain numbers added up by SQL, so this feature talks to
 * PostgreSQL directly: a batch is one upsert that adds to the stored counts atomically (two concurrent batches
 * never lose a count), rows locked in work-id order so that concurrent batches cannot deadlock.
 */
@ApplicationScoped
public class EngagementService {
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] METRICS = EngagementRules.METRICS;

    private final Pool pool;

    public EngagementService(Pool pool) {
        this.pool = pool;
    }

    public Uni<EngagementBatch> record(Access access, RecordEngagementInput input) {
        access.require(Access.INGESTION);
        Idempotency.Key batchId = Idempotency.key("batchId", input.batchId());
        LocalDate day = EngagementRules.day(input.day(), LocalDate.now(PROGRAMME_ZONE));
        EngagementRules.Sums sums = EngagementRules.sums(input.deltas());
        Map<UUID, long[]> byWork = sums.byWork();
        Map<UUID, Integer> firstIndex = sums.firstIndex();
        List<UUID> works = new ArrayList<>(byWork.keySet());
        long[] added = new long[METRICS.length];
        List<Long>[] columns = columns(byWork, added);

        EngagementBatch result = new EngagementBatch(day, works.size(), new Counts(added[0], added[1], added[2],
                added[3], added[4], added[5], added[6]));
        return pool.withTransaction(conn -> Idempotency.once(conn, "recordEngagement", access, batchId, input,
                () -> add(conn, works, firstIndex, day, columns).replaceWith(result),
                EngagementService::stored, stored -> Uni.createFrom().item(batch(stored))));
    }

    /** Adds the batch's columns: one statement that checks every work exists, one upsert. */
    private static Uni<Void> add(SqlConnection conn, List<UUID> works, Map<UUID, Integer> firstIndex, LocalDate day,
            List<Long>[] columns) {
        return conn
                .preparedQuery("select id from work where id = any($1)")
                .execute(Tuple.of(works.toArray(UUID[]::new)))
                .chain(found -> {
                    Set<UUID> known = new HashSet<>();
                    found.forEach(row -> known.add(row.getUUID("id")));
                    for (UUID work : works) {
                        if (!known.contains(work)) {
                            int i = firstIndex.get(work);
                            throw new NotFoundException("deltas[" + i + "].workId", "no work with id " + work);
                        }
                    }
                    return conn.preparedQuery("""
                            insert into engagement_daily (work_id, day, plays, likes, coins, favorites, shares, comments, danmaku)
                            select t.w, $2, t.p, t.l, t.c, t.f, t.s, t.cm, t.d
                            from unnest($1::uuid[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
                                        $8::bigint[], $9::bigint[]) as t(w, p, l, c, f, s, cm, d)
                            order by t.w
                            on conflict (work_id, day) do update set
                                plays = engagement_daily.plays + excluded.plays,
                                likes = engagement_daily.likes + excluded.likes,
                                coins = engagement_daily.coins + excluded.coins,
                                favorites = engagement_daily.favorites + excluded.favorites,
                                shares = engagement_daily.shares + excluded.shares,
                                comments = engagement_daily.comments + excluded.comments,
                                danmaku = engagement_daily.danmaku + excluded.danmaku""")
                            .execute(Tuple.from(List.of(works.toArray(UUID[]::new), day,
                                    columns[0].toArray(Long[]::new), columns[1].toArray(Long[]::new),
                                    columns[2].toArray(Long[]::new), columns[3].toArray(Long[]::new),
                                    columns[4].toArray(Long[]::new), columns[5].toArray(Long[]::new),
                                    columns[6].toArray(Long[]::new))));
                }).replaceWithVoid();
    }

    /** What a repeat of a batch answers: the first send's result, kept as JSON. */
    static String stored(EngagementBatch batch) {
        Counts c = batch.added();
        return new JsonObject().put("day", batch.day().toString()).put("works", batch.works())
                .put("added", new JsonArray(List.of(c.plays(), c.likes(), c.coins(), c.favorites(), c.shares(),
                        c.comments(), c.danmaku()))).encode();
    }

    static EngagementBatch batch(String stored) {
        JsonObject json = new JsonObject(stored);
        JsonArray a = json.getJsonArray("added");
        return new EngagementBatch(LocalDate.parse(json.getString("day")), json.getInteger("works"),
                new Counts(a.getLong(0), a.getLong(1), a.getLong(2), a.getLong(3), a.getLong(4), a.getLong(5),
                        a.getLong(6)));
    }

    @SuppressWarnings("unchecked")
    private static List<Long>[] columns(Map<UUID, long[]> byWork, long[] added) {
        List<Long>[] columns = new List[METRICS.length];
        for (int m = 0; m < METRICS.length; m++) {
            columns[m] = new ArrayList<>();
        }
        byWork.values().forEach(sum -> {
            for (int m = 0; m < METRICS.length; m++) {
                columns[m].add(sum[m]);
                added[m] += sum[m];
            }
        });
        return columns;
    }

    /** Totals over all days, per work. */
    public Uni<Map<UUID, Counts>> totals(List<UUID> works) {
        return pool.preparedQuery("select work_id, " + sums() + " from engagement_daily where work_id = any($1) group by work_id")
                .execute(Tuple.of(works.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Counts> totals = new HashMap<>();
                    rows.forEach(row -> totals.put(row.getUUID("work_id"), Counts.of(row)));
                    return totals;
                });
    }

    /** A work's totals with their version, read together (one snapshot). */
    public Uni<WorkEngagement> current(UUID work) {
        return pool.preparedQuery("select coalesce((select version from engagement_version where work_id = $1), 0) "
                + "as version, " + sums() + " from engagement_daily where work_id = $1")
                .execute(Tuple.of(work))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new WorkEngagement(Counts.of(row), row.getLong("version"), work.toString());
                });
    }

    /** Every day of the period, per work, with zeros on days without counts. */
    public Uni<Map<UUID, List<EngagementDay>>> series(List<UUID> works, LocalDate from, LocalDate to) {
        EngagementRules.requirePeriod(from, to);
        return pool.preparedQuery("select work_id, day, plays, likes, coins, favorites, shares, comments, danmaku "
                + "from engagement_daily where work_id = any($1) and day between $2 and $3")
                .execute(Tuple.of(works.toArray(UUID[]::new), from, to))
                .map(rows -> {
                    Map<UUID, Map<LocalDate, Counts>> stored = new HashMap<>();
                    rows.forEach(row -> stored.computeIfAbsent(row.getUUID("work_id"), k -> new HashMap<>())
                            .put(row.getLocalDate("day"), Counts.of(row)));
                    Map<UUID, List<EngagementDay>> series = new HashMap<>();
                    for (UUID work : works) {
                        Map<LocalDate, Counts> days = stored.getOrDefault(work, Map.of());
                        List<EngagementDay> list = new ArrayList<>();
                        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                            list.add(new EngagementDay(d, days.getOrDefault(d, Counts.ZERO)));
                        }
                        series.put(work, list);
                    }
                    return series;
                });
    }

    /** Trending is a public chart: it ranks PUBLISHED works only, whoever asks. */
    private static final String PUBLISHED = "work_id in (select id from work where status = 'PUBLISHED')";

    /** The PUBLISHED works with the highest {@code metric} over the period; ties by work id. */
    public Uni<List<TrendingWork>> trending(LocalDate from, LocalDate to, EngagementMetric metric, int offset, int limit) {
        EngagementRules.requirePeriod(from, to);
        return pool.preparedQuery("select work_id, " + sums() + ", sum(" + metric.sql + ") as score "
                + "from engagement_daily where day between $1 and $2 and " + PUBLISHED + " group by work_id "
                + "order by score desc, work_id offset $3 limit $4")
                .execute(Tuple.of(from, to, offset, limit))
                .map(rows -> {
                    List<TrendingWork> trending = new ArrayList<>();
                    int rank = offset;
                    for (Row row : rows) {
                        trending.add(new TrendingWork(++rank, Counts.of(row), row.getUUID("work_id").toString()));
                    }
                    return trending;
                });
    }

    /** How many works have any engagement in the period. */
    public Uni<Integer> trendingCount(LocalDate from, LocalDate to) {
        EngagementRules.requirePeriod(from, to);
        return pool.preparedQuery("select count(distinct work_id) as n from engagement_daily where day between $1 and $2 and "
                + PUBLISHED)
                .execute(Tuple.of(from, to)).map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    public Uni<ProgrammeStatistics> statistics(LocalDate from, LocalDate to) {
        EngagementRules.requireStatisticsPeriod(from, to);
        Uni<Map<String, Integer>> published = pool.preparedQuery("""
                select to_char(released_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as n
                from work where kind = 'ORIGINAL' and status <> 'DRAFT'
                  and (released_at at time zone 'Asia/Shanghai')::date between $1 and $2
                group by 1""")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getString("month"), row.getLong("n").intValue()));
                    return counts;
                });
        Uni<Counts> engagement = pool.preparedQuery("select " + sums() + " from engagement_daily where day between $1 and $2")
                .execute(Tuple.of(from, to))
                .map(rows -> Counts.of(rows.iterator().next()));
        return Uni.combine().all().unis(published, engagement).with((counts, sum) -> {
            Map<String, Integer> months = new LinkedHashMap<>();
            for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
                String key = m.toString().substring(0, 7);
                months.put(key, counts.getOrDefault(key, 0));
            }
            return new ProgrammeStatistics(from, to,
                    months.entrySet().stream().map(e -> new MonthCount(e.getKey(), e.getValue())).toList(), sum);
        });
    }

    private static String sums() {
        StringBuilder sql = new StringBuilder();
        for (String metric : METRICS) {
            if (sql.length() > 0) {
                sql.append(", ");
            }
            sql.append("coalesce(sum(").append(metric).append("), 0)::bigint as ").append(metric);
        }
        return sql.toString();
    }
}
