-- Keys of retried creates (dev.chorus.common.db.Idempotency), in every service's database: one row per operation,
-- caller and key, claimed in the transaction of the change it guards; the result is what a repeat of the same
-- request answers. A repeatable migration shared by the services (quarkus.flyway.locations), so it only ever adds.
create table if not exists idempotency_key (
    operation   text        not null,
    subject     text        not null,
    key         text        not null,
    fingerprint text        not null,
    result      text,
    created_at  timestamptz not null default now(),
    primary key (operation, subject, key)
);
