-- creator-service schema. Enumerations are text checked here and mapped by name in Java.
create extension if not exists pg_trgm;

create table creator (
    id                uuid primary key,
    handle            text        not null,
    display_name      text        not null,
    kind              text        not null check (kind in ('PERSON', 'GROUP')),
    bio               text,
    region            text        check (region ~ '^[A-Z]{2}$'),
    genres            text[]      not null default '{}',
    status            text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    suspended_at      timestamptz,
    suspension_reason text,
    verified          boolean     not null default false,
    verified_at       timestamptz,
    tier              text        not null check (tier in ('EMERGING', 'RISING', 'OUTSTANDING')),
    joined_at         timestamptz not null,
    updated_at        timestamptz not null,
    -- lower-cased handle, display name and aliases: what the name search looks in
    search_text       text        not null,
    constraint creator_handle_format check (handle ~ '^[a-z0-9_.]{3,30}$')
);
-- handles are stored lower-cased, so this makes them unique case-insensitively
create unique index creator_handle_key on creator (handle);
create index creator_joined_at_idx on creator (joined_at desc, id desc);
create index creator_genres_idx on creator using gin (genres);
create index creator_tier_idx on creator (tier);
create index creator_region_idx on creator (region);
create index creator_search_text_idx on creator using gin (search_text gin_trgm_ops);

create table creator_alias (
    id         uuid    primary key,
    creator_id uuid    not null references creator (id) on delete cascade,
    position   int     not null,
    name       text    not null,
    locale     text    not null,
    is_primary boolean not null default false,
    unique (creator_id, position)
);
create unique index creator_alias_one_primary_per_locale on creator_alias (creator_id, locale) where is_primary;

create table platform_account (
    id          uuid        primary key,
    creator_id  uuid        not null references creator (id) on delete cascade,
    platform    text        not null check (platform in ('BILIBILI', 'QQ_MUSIC')),
    external_id text        not null,
    linked_at   timestamptz not null,
    constraint platform_account_external_key unique (platform, external_id),
    constraint platform_account_one_per_platform unique (creator_id, platform)
);

create table tier_change (
    id         uuid        primary key,
    creator_id uuid        not null references creator (id) on delete cascade,
    from_tier  text,
    to_tier    text        not null,
    reason     text        not null,
    changed_at timestamptz not null
);
create index tier_change_creator_idx on tier_change (creator_id, changed_at desc);
