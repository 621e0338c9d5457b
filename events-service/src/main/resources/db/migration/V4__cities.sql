-- Version 4: version 3 was the idempotency table before it became the repeatable R__idempotency_keys, and
-- databases made then still list it as applied.
-- Cities as a reference table (issue 15). A city has a canonical name (Latin script), its name in Chinese script,
-- and other names (traditional characters, older spellings). Every name of every city is one row of city_name,
-- keyed by the name normalised (Unicode NFKC, single spaces, lower case): a filter or a new venue names a city by
-- any of them, case-insensitively, and no name belongs to two cities.
create table city (
    id         uuid        primary key,
    name       text        not null,
    local_name text        not null,
    created_at timestamptz not null
);

create table city_name (
    name_key text primary key,
    city_id  uuid not null references city (id),
    name     text not null,
    position int  not null -- 0 the canonical name, 1 the local name, then the other names in the order given
);
create index city_name_city_idx on city_name (city_id, position);

-- the cities the programme holds events in; staff add others (addCity)
with seed (name, local_name, aliases) as (values
    ('Shanghai', '上海', array[]::text[]),
    ('Beijing', '北京', array['Peking']),
    ('Guangzhou', '广州', array['廣州', 'Canton']),
    ('Shenzhen', '深圳', array[]::text[]),
    ('Chengdu', '成都', array[]::text[]),
    ('Hangzhou', '杭州', array[]::text[]),
    ('Wuhan', '武汉', array['武漢']),
    ('Nanjing', '南京', array['Nanking']),
    ('Chongqing', '重庆', array['重慶', 'Chungking']),
    ('Xi''an', '西安', array['Xian']),
    ('Changsha', '长沙', array['長沙']),
    ('Suzhou', '苏州', array['蘇州']),
    ('Tianjin', '天津', array[]::text[]),
    ('Xiamen', '厦门', array['廈門', 'Amoy']),
    ('Qingdao', '青岛', array['青島']),
    ('Kunming', '昆明', array[]::text[]),
    ('Zhengzhou', '郑州', array['鄭州']),
    ('Dalian', '大连', array['大連']),
    ('Hong Kong', '香港', array['Hongkong']),
    ('Macau', '澳门', array['澳門', 'Macao']),
    ('Taipei', '台北', array['臺北'])
), cities as (
    insert into city (id, name, local_name, created_at)
    select gen_random_uuid(), name, local_name, now() from seed
    returning id, name
)
insert into city_name (name_key, city_id, name, position)
select lower(n.value), c.id, n.value, n.position
from cities c
join seed s on s.name = c.name
cross join lateral (
    select s.name as value, 0 as position
    union all select s.local_name, 1
    union all select a.value, 1 + a.ordinality::int from unnest(s.aliases) with ordinality as a(value, ordinality)
) n;

-- Venues name their city by id. A venue's city as typed before stays in venue_city_as_entered (nothing is lost); a
-- city typed that is none of the seeded names becomes a city of its own, under that name in both columns (spelt
-- as the first venue naming it spelt it).
alter table venue add column city_id uuid references city (id);
update venue v set city_id = n.city_id
from city_name n where n.name_key = lower(btrim(regexp_replace(v.city, '\s+', ' ', 'g')));
with unknown as (
    select distinct on (lower(btrim(regexp_replace(city, '\s+', ' ', 'g'))))
           lower(btrim(regexp_replace(city, '\s+', ' ', 'g'))) as name_key,
           btrim(regexp_replace(city, '\s+', ' ', 'g')) as name
    from venue where city_id is null
    order by lower(btrim(regexp_replace(city, '\s+', ' ', 'g'))), created_at, id -- the first venue's spelling
), added as (
    insert into city (id, name, local_name, created_at)
    select gen_random_uuid(), name, name, now() from unknown
    returning id, name
)
insert into city_name (name_key, city_id, name, position)
select u.name_key, a.id, u.name, 0 from added a join unknown u on u.name = a.name;
update venue v set city_id = n.city_id
from city_name n where v.city_id is null and n.name_key = lower(btrim(regexp_replace(v.city, '\s+', ' ', 'g')));
alter table venue alter column city_id set not null;
-- the text as typed, kept beside the venue (venue's own columns are exactly what the code maps)
create table venue_city_as_entered (
    venue_id uuid primary key references venue (id),
    city     text not null
);
insert into venue_city_as_entered (venue_id, city) select id, city from venue;
drop index venue_city_idx;
alter table venue drop column city;
create index venue_city_idx on venue (city_id, name, id);
