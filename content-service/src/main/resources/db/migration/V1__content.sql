-- content-service schema. Creator ids refer to creator-service's creators (another database: no foreign key).
create extension if not exists pg_trgm;

create table work (
    id                uuid        primary key,
    title             text        not null,
    kind              text        not null check (kind in ('ORIGINAL', 'REMIX', 'COVER', 'MUSIC_VIDEO')),
    language          text,
    genre             text,
    duration_seconds  int         not null check (duration_seconds > 0),
    isrc              text        check (isrc ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
    iswc              text        check (iswc ~ '^T-[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]$'),
    status            text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    released_at       timestamptz,
    bilibili_bvid     text,
    qq_music_song_mid text,
    -- REMIX and COVER: the work they derive from; MUSIC_VIDEO: the audio work it is for; ORIGINAL: none
    derived_from_id   uuid        references work (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint work_lineage check ((kind = 'ORIGINAL') = (derived_from_id is null)),
    constraint work_not_self check (derived_from_id <> id)
);
create unique index work_isrc_key on work (isrc);
create unique index work_bilibili_bvid_key on work (bilibili_bvid);
create unique index work_qq_music_song_mid_key on work (qq_music_song_mid);
create index work_derived_from_idx on work (derived_from_id, kind, created_at desc, id desc);
create index work_created_idx on work (created_at desc, id desc);
create index work_released_idx on work (kind, status, released_at);
create index work_title_search_idx on work using gin (lower(title) gin_trgm_ops);

create table work_credit (
    id          uuid primary key,
    work_id     uuid not null references work (id) on delete cascade,
    position    int  not null,
    creator_id  uuid not null,
    role        text not null check (role in ('COMPOSER', 'LYRICIST', 'ARRANGER', 'PRODUCER', 'PERFORMER',
                                              'VOCALIST', 'REMIXER', 'DIRECTOR')),
    credited_as text,
    unique (work_id, position),
    unique (work_id, creator_id, role)
);
create index work_credit_creator_idx on work_credit (creator_id, work_id);

create table royalty_split (
    id         uuid         primary key,
    work_id    uuid         not null references work (id) on delete cascade,
    position   int          not null,
    creator_id uuid         not null,
    share      numeric(5,2) not null check (share > 0 and share <= 100),
    unique (work_id, creator_id)
);

create table album (
    id           uuid        primary key,
    title        text        not null,
    kind         text        not null check (kind in ('ALBUM', 'EP', 'SINGLE', 'COMPILATION')),
    boutique     boolean     not null default false,
    upc          text        check (upc ~ '^[0-9]{12,13}$'),
    release_date date,
    status       text        not null check (status in ('DRAFT', 'SCHEDULED', 'RELEASED')),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index album_upc_key on album (upc);
create index album_created_idx on album (created_at desc, id desc);

create table album_artist (
    id         uuid primary key,
    album_id   uuid not null references album (id) on delete cascade,
    position   int  not null,
    creator_id uuid not null,
    unique (album_id, position),
    unique (album_id, creator_id)
);
create index album_artist_creator_idx on album_artist (creator_id, album_id);

create table album_track (
    id       uuid primary key,
    album_id uuid not null references album (id) on delete cascade,
    position int  not null check (position > 0),
    work_id  uuid not null references work (id),
    unique (album_id, position),
    constraint album_track_once unique (album_id, work_id)
);
create index album_track_work_idx on album_track (work_id);

create table remix_invitation (
    id                uuid        primary key,
    work_id           uuid        not null references work (id),
    creator_id        uuid        not null,
    status            text        not null check (status in ('INVITED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'DELIVERED')),
    message           text,
    respond_by        timestamptz not null,
    delivered_work_id uuid        references work (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index remix_invitation_creator_idx on remix_invitation (creator_id, created_at desc, id desc);
create index remix_invitation_work_idx on remix_invitation (work_id, created_at desc, id desc);
-- one open invitation per work and creator
create unique index remix_invitation_open_key on remix_invitation (work_id, creator_id)
    where status in ('INVITED', 'ACCEPTED');

create table distribution (
    id          uuid        primary key,
    work_id     uuid        references work (id),
    album_id    uuid        references album (id),
    platform    text        not null check (platform in ('BILIBILI', 'QQ_MUSIC')),
    status      text        not null check (status in ('PENDING', 'LIVE', 'TAKEN_DOWN')),
    external_id text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint distribution_one_target check ((work_id is null) <> (album_id is null))
);
create unique index distribution_work_key on distribution (work_id, platform) where work_id is not null;
create unique index distribution_album_key on distribution (album_id, platform) where album_id is not null;

-- engagement counts per work and day; ingested as deltas, added atomically
create table engagement_daily (
    work_id   uuid   not null references work (id),
    day       date   not null,
    plays     bigint not null default 0,
    likes     bigint not null default 0,
    coins     bigint not null default 0,
    favorites bigint not null default 0,
    shares    bigint not null default 0,
    comments  bigint not null default 0,
    danmaku   bigint not null default 0,
    primary key (work_id, day)
);
create index engagement_daily_day_idx on engagement_daily (day, work_id);
