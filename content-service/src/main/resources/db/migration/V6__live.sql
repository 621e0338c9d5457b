-- Live updates (issue 18). The database announces each committed change (NOTIFY is sent at commit, never for a
-- rolled-back transaction), whichever replica or code path made it, so that every replica's subscribers hear it.

-- workEngagement: a version per work that grows with each batch adding to its counts; the channel carries the
-- work's id (the subscriber reads the totals and the version together).
create table engagement_version (
    work_id uuid   primary key references work (id),
    version bigint not null
);

create function engagement_announce() returns trigger language plpgsql as $$
begin
    insert into engagement_version as v (work_id, version) values (new.work_id, 1)
        on conflict (work_id) do update set version = v.version + 1;
    perform pg_notify('work_engagement', new.work_id::text);
    return null;
end $$;
create trigger engagement_announce after insert or update on engagement_daily
    for each row execute function engagement_announce();

-- challengeActivity: an entry submitted, withdrawn (also by withdrawing its work) or disqualified; a vote cast or
-- moved; the challenge's state (announced, cancelled, results published).
create function challenge_entry_announce() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.status = old.status then
        return null;
    end if;
    perform pg_notify('challenge_activity', json_build_object('challenge', new.challenge_id, 'entry', new.id,
        'change', case when tg_op = 'INSERT' then 'ENTRY_SUBMITTED' else 'ENTRY_' || new.status end)::text);
    return null;
end $$;
create trigger challenge_entry_announce after insert or update on challenge_entry
    for each row execute function challenge_entry_announce();

create function challenge_vote_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('challenge_activity', json_build_object('challenge',
        case when tg_op = 'DELETE' then old.challenge_id else new.challenge_id end, 'change', 'VOTES')::text);
    return null;
end $$;
create trigger challenge_vote_announce after insert or update or delete on challenge_vote
    for each row execute function challenge_vote_announce();

create function challenge_state_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('challenge_activity', json_build_object('challenge', new.id, 'change', 'CHALLENGE')::text);
    return null;
end $$;
create trigger challenge_state_announce after update of state on challenge
    for each row when (new.state is distinct from old.state) execute function challenge_state_announce();
