-- When an event was first opened to the public. From then on anybody may read it, also once it is CANCELLED
-- (its registrants must learn that) or COMPLETED; before that only staff see it.
alter table event add column published_at timestamptz;
-- events published before this column existed: every PUBLISHED or COMPLETED one, and a CANCELLED one that had
-- registrations (registration is only ever open on a published event)
update event set published_at = updated_at
where status in ('PUBLISHED', 'COMPLETED') or (status = 'CANCELLED' and registration_count > 0);
create index event_public_starts_idx on event (starts_at, id) where published_at is not null;
