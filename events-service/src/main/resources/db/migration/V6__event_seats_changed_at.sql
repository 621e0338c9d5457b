-- Live seats (issue 18): when an event's seats last changed, sent with each state (and used by the benchmark to
-- time a change from the database to the subscriber). Set with the version, by the clock of the changing
-- statement, just before its transaction commits; events that existed before have their last update's time.
alter table event add column seats_changed_at timestamptz not null default now();
update event set seats_changed_at = updated_at;

create or replace function event_seats_version() returns trigger language plpgsql as $$
begin
    if new.capacity is distinct from old.capacity or new.confirmed_count is distinct from old.confirmed_count
            or new.waitlist_count is distinct from old.waitlist_count or new.status is distinct from old.status then
        new.seat_version := old.seat_version + 1;
        new.seats_changed_at := clock_timestamp();
    end if;
    return new;
end $$;

create or replace function event_seats_announce() returns trigger language plpgsql as $$
declare
    e record;
begin
    select id, seat_version, capacity - confirmed_count as remaining, waitlist_count, status, seats_changed_at
        into e from event where id = new.id;
    perform pg_notify('event_seats', json_build_object('id', e.id, 'version', e.seat_version,
        'remaining', e.remaining, 'waitlist', e.waitlist_count, 'status', e.status, 'at', e.seats_changed_at)::text);
    return null;
end $$;
