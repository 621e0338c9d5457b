-- Joint online activities (issue 17): challenges, their entries (works), public votes, a jury, results and prizes.
-- V3, since content databases made before the shared idempotency migration list a V2 of their own.

create table challenge (
    id                    uuid        primary key,
    title                 text        not null,
    description           text,
    entry_kind            text        not null check (entry_kind in ('REMIX', 'COVER', 'ORIGINAL', 'MUSIC_VIDEO')),
    host                  text        not null check (host in ('BILIBILI', 'QQ_MUSIC', 'JOINT')),
    topic_tag             text,
    -- the song to remix or cover (REMIX and COVER: required; MUSIC_VIDEO: optional; ORIGINAL: none)
    source_work_id        uuid        references work (id),
    time_zone             text        not null,
    announce_at           timestamptz not null,
    submissions_open_at   timestamptz not null,
    submissions_close_at  timestamptz not null,
    voting_close_at       timestamptz not null,
    results_at            timestamptz not null,
    entries_per_creator   int         not null check (entries_per_creator between 1 and 100),
    min_duration_seconds  int         check (min_duration_seconds > 0),
    max_duration_seconds  int         check (max_duration_seconds > 0),
    vote_weight           int         not null check (vote_weight between 0 and 100),
    jury_weight           int         not null check (jury_weight between 0 and 100),
    engagement_weight     int         not null check (engagement_weight between 0 and 100),
    -- what staff did: DRAFT, ANNOUNCED (then the schedule drives the phase), CANCELLED, PUBLISHED (results)
    state                 text        not null check (state in ('DRAFT', 'ANNOUNCED', 'CANCELLED', 'PUBLISHED')),
    cancel_reason         text,
    announced_at          timestamptz,
    published_at          timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint challenge_weights check (vote_weight + jury_weight + engagement_weight = 100),
    constraint challenge_schedule check (announce_at <= submissions_open_at
        and submissions_open_at < submissions_close_at and submissions_close_at < voting_close_at
        and voting_close_at <= results_at),
    constraint challenge_durations check (min_duration_seconds is null or max_duration_seconds is null
        or min_duration_seconds <= max_duration_seconds),
    constraint challenge_source check ((entry_kind in ('REMIX', 'COVER') and source_work_id is not null)
        or (entry_kind = 'MUSIC_VIDEO') or (entry_kind = 'ORIGINAL' and source_work_id is null))
);
create index challenge_open_idx on challenge (submissions_open_at desc, id desc);

create table challenge_entry (
    id                  uuid        primary key,
    challenge_id        uuid        not null references challenge (id),
    work_id             uuid        not null references work (id),
    creator_id          uuid        not null,
    status              text        not null check (status in ('ACTIVE', 'WITHDRAWN', 'DISQUALIFIED')),
    disqualified_reason text,
    submitted_at        timestamptz not null,
    updated_at          timestamptz not null,
    constraint challenge_entry_reason check ((status = 'DISQUALIFIED') = (disqualified_reason is not null))
);
-- one work enters a challenge once (a withdrawn entry does not count: the work may enter again while open)
create unique index challenge_entry_work_key on challenge_entry (challenge_id, work_id) where status <> 'WITHDRAWN';
create index challenge_entry_challenge_idx on challenge_entry (challenge_id, submitted_at, id);
create index challenge_entry_work_idx on challenge_entry (work_id, submitted_at, id);
create index challenge_entry_creator_idx on challenge_entry (creator_id, submitted_at desc, id desc);

-- Withdrawing a work withdraws its entries: in the same transaction, whoever withdraws it.
create function challenge_entry_withdraw_with_work() returns trigger language plpgsql as $$
begin
    update challenge_entry set status = 'WITHDRAWN', updated_at = now()
        where work_id = new.id and status = 'ACTIVE';
    return new;
end $$;
create trigger work_withdrawn_withdraws_entries after update of status on work
    for each row when (new.status = 'WITHDRAWN' and old.status <> 'WITHDRAWN')
    execute function challenge_entry_withdraw_with_work();

-- One vote per signed-in user (token subject) per challenge; voting again moves it.
create table challenge_vote (
    challenge_id uuid        not null references challenge (id),
    voter        text        not null,
    entry_id     uuid        not null references challenge_entry (id),
    cast_at      timestamptz not null,
    primary key (challenge_id, voter)
);
create index challenge_vote_entry_idx on challenge_vote (entry_id);

create table challenge_criterion (
    id           uuid primary key,
    challenge_id uuid not null references challenge (id),
    position     int  not null,
    name         text not null,
    weight       int  not null check (weight between 1 and 100),
    max_score    int  not null check (max_score between 1 and 100),
    unique (challenge_id, position),
    unique (challenge_id, name)
);

create table challenge_judge (
    challenge_id uuid        not null references challenge (id),
    subject      text        not null,
    creator_id   uuid,
    appointed_at timestamptz not null,
    primary key (challenge_id, subject)
);

create table challenge_score (
    entry_id     uuid        not null references challenge_entry (id),
    subject      text        not null,
    criterion_id uuid        not null references challenge_criterion (id),
    score        int         not null check (score >= 0),
    scored_at    timestamptz not null,
    primary key (entry_id, subject, criterion_id)
);

create table challenge_prize (
    id           uuid          primary key,
    challenge_id uuid          not null references challenge (id),
    rank         int           not null check (rank between 1 and 1000),
    kind         text          not null check (kind in ('CASH', 'MV_PRODUCTION', 'CONCERT_SLOT', 'ALBUM_TRACK',
                                                        'FEATURED')),
    description  text          not null,
    amount       numeric(14,2) check (amount > 0),
    currency     text          check (currency ~ '^[A-Z]{3}$'),
    event_id     uuid,
    album_id     uuid          references album (id),
    platform     text          check (platform in ('BILIBILI', 'QQ_MUSIC')),
    unique (challenge_id, rank),
    constraint challenge_prize_cash check ((kind = 'CASH') = (amount is not null and currency is not null)),
    constraint challenge_prize_event check ((kind = 'CONCERT_SLOT') = (event_id is not null)),
    constraint challenge_prize_album check ((kind = 'ALBUM_TRACK') = (album_id is not null)),
    constraint challenge_prize_platform check ((kind = 'FEATURED') = (platform is not null))
);

-- Who a prize went to: the entry at its rank when the results are published; a FORFEITED award (the winner did
-- not respond) passes the prize to the next ranked entry, so a prize has at most one award that is not FORFEITED.
create table challenge_prize_award (
    id            uuid        primary key,
    prize_id      uuid        not null references challenge_prize (id),
    entry_id      uuid        not null references challenge_entry (id),
    state         text        not null check (state in ('PENDING', 'FULFILLED', 'FORFEITED')),
    awarded_at    timestamptz not null,
    decided_at    timestamptz,
    note          text,
    -- what fulfilled it, where that is not the prize's own event or album: the music-video production
    production_id uuid,
    unique (prize_id, entry_id)
);
create unique index challenge_prize_award_current_key on challenge_prize_award (prize_id) where state <> 'FORFEITED';

-- The frozen results: written once when staff publish, never changed by later plays or votes.
create table challenge_result (
    challenge_id    uuid          not null references challenge (id),
    entry_id        uuid          not null references challenge_entry (id),
    rank            int           not null,
    votes           int           not null,
    jury_score      numeric(10,4),
    plays           bigint        not null,
    vote_part       numeric(10,4) not null,
    jury_part       numeric(10,4) not null,
    engagement_part numeric(10,4) not null,
    score           numeric(10,4) not null,
    primary key (challenge_id, entry_id),
    unique (challenge_id, rank)
);
