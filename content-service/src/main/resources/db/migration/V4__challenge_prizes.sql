-- Prizes (issue 17): a rank may carry several prizes (the winner's cash and a music video, say), kept in the order
-- staff gave them. No prize existed before this migration (nothing could set one), so no row is touched.
alter table challenge_prize drop constraint challenge_prize_challenge_id_rank_key;
alter table challenge_prize add column position int not null default 0;
alter table challenge_prize alter column position drop default;
alter table challenge_prize add constraint challenge_prize_position_key unique (challenge_id, position);
create index challenge_prize_challenge_idx on challenge_prize (challenge_id, rank, position);
create index challenge_prize_award_entry_idx on challenge_prize_award (entry_id);
