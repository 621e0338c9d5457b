-- events-service schema. Creator and work ids refer to other services' data (no foreign key).

create table venue (
    id           uuid        primary key,
    name         text        not null,
    city         text        not null,
    address      text        not null,
    max_capacity int         not null check (max_capacity > 0),
    created_at   timestamptz not null
);
create index venue_city_idx on venue (lower(city), name);

create table event (
    id                 uuid        primary key,
    title              text        not null,
    kind               text        not null check (kind in ('CONCERT', 'EXCHANGE', 'TRAINING', 'WORKSHOP', 'LISTENING_SESSION')),
    organizer          text        not null check (organizer in ('BILIBILI', 'QQ_MUSIC', 'JOINT')),
    description        text,
    venue_id           uuid        not null references venue (id),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    time_zone          text        not null,
    capacity           int         not null check (capacity > 0),
    opens_at           timestamptz not null,
    closes_at          timestamptz not null,
    status             text        not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')),
    -- kept under the event row's lock by every registration change
    confirmed_count    int         not null default 0 check (confirmed_count >= 0 and confirmed_count <= capacity),
    waitlist_count     int         not null default 0 check (waitlist_count >= 0),
    registration_count int         not null default 0,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint event_times check (ends_at > starts_at),
    constraint event_window check (opens_at < closes_at and closes_at <= starts_at)
);
create index event_starts_idx on event (starts_at, id);
create index event_venue_idx on event (venue_id);

create table lineup_slot (
    id         uuid        primary key,
    event_id   uuid        not null references event (id) on delete cascade,
    position   int         not null,
    creator_id uuid        not null,
    role       text        not null check (role in ('HEADLINER', 'SUPPORT', 'GUEST', 'HOST', 'MENTOR')),
    starts_at  timestamptz,
    unique (event_id, position)
);
create index lineup_slot_creator_idx on lineup_slot (creator_id, event_id);

create table setlist_entry (
    id       uuid primary key,
    event_id uuid not null references event (id) on delete cascade,
    position int  not null,
    work_id  uuid not null,
    unique (event_id, position)
);
create index setlist_entry_work_idx on setlist_entry (work_id, event_id);

create table registration (
    id            uuid        primary key,
    event_id      uuid        not null references event (id),
    attendee_id   text        not null,
    -- the order in which the database took registrations for this event: 1, 2, 3...
    queue_number  int         not null,
    status        text        not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED', 'CHECKED_IN')),
    registered_at timestamptz not null,
    updated_at    timestamptz not null,
    checked_in_at timestamptz,
    unique (event_id, queue_number)
);
-- one active registration per attendee and event
create unique index registration_active_key on registration (event_id, attendee_id)
    where status in ('CONFIRMED', 'WAITLISTED', 'CHECKED_IN');
create index registration_waitlist_idx on registration (event_id, queue_number) where status = 'WAITLISTED';
create index registration_attendee_idx on registration (attendee_id, registered_at desc, id desc);
