-- Live seats (issue 18): every change of an event's seats gets a version that only grows, and each transaction that
-- changed them announces the event's final state on the channel event_seats at commit, whichever replica or code
-- path made the change (registration, cancellation, promotion, capacity, the event's status). A rolled-back change
-- is never announced.
alter table event add column seat_version bigint not null default 0;

create function event_seats_version() returns trigger language plpgsql as $$
begin
    if new.capacity is distinct from old.capacity or new.confirmed_count is distinct from old.confirmed_count
            or new.waitlist_count is distinct from old.waitlist_count or new.status is distinct from old.status then
        new.seat_version := old.seat_version + 1;
    end if;
    return new;
end $$;
create trigger event_seats_version before update on event for each row execute function event_seats_version();

-- At commit (deferred), from the row as the transaction leaves it: a cancellation and the promotion it causes are
-- two updates of the row but one message, since PostgreSQL sends identical notifications of a transaction once.
create function event_seats_announce() returns trigger language plpgsql as $$
declare
    e record;
begin
    select id, seat_version, capacity - confirmed_count as remaining, waitlist_count, status into e
        from event where id = new.id;
    perform pg_notify('event_seats', json_build_object('id', e.id, 'version', e.seat_version,
        'remaining', e.remaining, 'waitlist', e.waitlist_count, 'status', e.status)::text);
    return null;
end $$;
create constraint trigger event_seats_announce after update on event deferrable initially deferred
    for each row when (new.seat_version <> old.seat_version) execute function event_seats_announce();
