-- Music-video productions for outstanding creators (issue 19): from brief to release, every step kept.

create table production (
    id                 uuid          primary key,
    -- the song: a PUBLISHED audio work, and its artist (a creator credited on it)
    work_id            uuid          not null references work (id),
    artist_id          uuid          not null,
    -- where it came from: a challenge's MV_PRODUCTION prize (which it fulfils) or a programme selection
    origin             text          not null check (origin in ('CHALLENGE_PRIZE', 'PROGRAMME_SELECTION')),
    award_id           uuid          references challenge_prize_award (id),
    selection_reason   text,
    brief              text,
    stage              text          not null check (stage in ('BRIEF', 'PITCHING', 'TREATMENT_APPROVED',
                                        'PRE_PRODUCTION', 'SHOOTING', 'EDITING', 'DELIVERED', 'RELEASED', 'CANCELLED')),
    director_id        uuid,
    budget_amount      numeric(14,2) check (budget_amount > 0),
    budget_currency    text          check (budget_currency ~ '^[A-Z]{3}$'),
    budget_approved_at timestamptz,
    final_cut_id       uuid,
    video_work_id      uuid          references work (id),
    cancel_reason      text,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    constraint production_origin check ((origin = 'CHALLENGE_PRIZE') = (award_id is not null)
        and (origin = 'PROGRAMME_SELECTION') = (selection_reason is not null)),
    constraint production_budget check ((budget_amount is null) = (budget_currency is null)
        and (budget_amount is null) = (budget_approved_at is null)),
    constraint production_cancelled check ((stage = 'CANCELLED') = (cancel_reason is not null))
);
-- a song has at most one production that is neither released nor cancelled; an award opens one production
create unique index production_open_key on production (work_id) where stage not in ('RELEASED', 'CANCELLED');
create unique index production_award_key on production (award_id) where award_id is not null;
create index production_created_idx on production (created_at desc, id desc);
create index production_artist_idx on production (artist_id, created_at desc, id desc);
create index production_director_idx on production (director_id, created_at desc, id desc);
create index production_work_idx on production (work_id, created_at desc, id desc);

-- when each stage is due (the current stage past it: overdue)
create table production_due (
    production_id uuid        not null references production (id),
    stage         text        not null,
    due_at        timestamptz not null,
    primary key (production_id, stage)
);

-- the shortlisted directors (at most five) and their one pitch each
create table production_director (
    production_id   uuid        not null references production (id),
    creator_id      uuid        not null,
    position        int         not null,
    shortlisted_at  timestamptz not null,
    pitch_title     text,
    pitch_treatment text,
    pitched_at      timestamptz,
    primary key (production_id, creator_id),
    constraint production_pitch check ((pitch_title is null) = (pitched_at is null)
        and (pitch_title is null) = (pitch_treatment is null))
);
create index production_director_creator_idx on production_director (creator_id);

create table production_cut (
    id            uuid        primary key,
    production_id uuid        not null references production (id),
    version       int         not null check (version > 0),
    url           text        not null,
    added_by      text        not null,
    added_at      timestamptz not null,
    unique (production_id, version)
);

create table production_feedback (
    id         uuid        primary key,
    cut_id     uuid        not null references production_cut (id),
    author     text        not null,
    note       text        not null,
    created_at timestamptz not null
);
create index production_feedback_cut_idx on production_feedback (cut_id, created_at, id);

-- every step: who, when, from which stage to which, and the note
create table production_step (
    id            uuid        primary key,
    production_id uuid        not null references production (id),
    from_stage    text,
    to_stage      text        not null,
    actor         text        not null,
    at            timestamptz not null,
    note          text
);
create index production_step_idx on production_step (production_id, at, id);

alter table production add constraint production_final_cut foreign key (final_cut_id) references production_cut (id);
alter table challenge_prize_award add constraint challenge_prize_award_production foreign key (production_id)
    references production (id);
