package dev.chorus.stack;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A demo data set that looks like the programme, loaded through the gateway's public API on the first start:
 * thirty creators with Chinese and Latin names on both platforms, originals, remixes and covers by other
 * creators, a music video, a boutique album, two weeks of engagement, an open remix challenge and a finished
 * original-song challenge with its results and prizes, upcoming concerts, an exchange and a training with
 * line-ups, setlists and registrations, and two music-video productions (one released, one in editing). Deterministic, so the README's example answers the same.
 *
 * <p>Loading can be repeated: an interrupted first start completes on the next one. Every create carries an
 * idempotency key (and every engagement batch a batch id), so a repeat answers what exists; every time is counted from
 * a clock kept with the stack's state ({@code demo-clock}), so a repeat sends the same requests; a creator's
 * standing is set only where it is missing, and a state change already made (a CONFLICT) counts as done. The one
 * exception is the finished challenge, run on the real clock: a repeat that finds it with its results skips it.
 */
public final class DemoData {
    record Person(String handle, String name, String alias, String aliasLocale, String kind, String region,
            List<String> genres) {
    }

    static final List<Person> CREATORS = List.of(
            new Person("linxia", "林夏", "Lin Xia", "en", "PERSON", "CN", List.of("mandopop", "国风")),
            new Person("chen_yu", "陈屿", "Chen Yu", "en", "PERSON", "CN", List.of("indie", "folk")),
            new Person("night_voyage", "夜航星乐队", "Night Voyage", "en", "GROUP", "CN", List.of("rock")),
            new Person("su_mu", "苏沐", "Su Mu", "en", "PERSON", "CN", List.of("r&b")),
            new Person("aurora.chen", "Aurora Chen", "陈晨曦", "zh-Hans", "PERSON", "SG", List.of("electronic")),
            new Person("xufeng", "许枫", "Xu Feng", "en", "PERSON", "CN", List.of("hip-hop")),
            new Person("mika_tan", "Mika Tan", "谭美嘉", "zh-Hans", "PERSON", "MY", List.of("mandopop")),
            new Person("qingshan", "青山乐团", "Qingshan Ensemble", "en", "GROUP", "CN", List.of("国风", "orchestral")),
            new Person("yuki_lam", "Yuki Lam", "林雪", "zh-Hant", "PERSON", "HK", List.of("cantopop")),
            new Person("bai_lu", "白露", "Bai Lu", "en", "PERSON", "CN", List.of("folk")),
            new Person("leo_wang", "Leo Wang", "王立", "zh-Hans", "PERSON", "CN", List.of("electronic", "house")),
            new Person("a_yue", "阿月", "A Yue", "en", "PERSON", "CN", List.of("国风")),
            new Person("tidewave", "潮汐电台", "Tidewave", "en", "GROUP", "TW", List.of("city pop")),
            new Person("zhou_nan", "周南", "Zhou Nan", "en", "PERSON", "CN", List.of("jazz")),
            new Person("iris_ho", "Iris Ho", "何思琪", "zh-Hant", "PERSON", "TW", List.of("indie")),
            new Person("han_mo", "韩墨", "Han Mo", "en", "PERSON", "CN", List.of("hip-hop")),
            new Person("stellar_kid", "Stellar Kid", "星童", "zh-Hans", "PERSON", "CN", List.of("electronic")),
            new Person("luo_qing", "罗晴", "Luo Qing", "en", "PERSON", "CN", List.of("mandopop")),
            new Person("paper_moon", "纸月亮", "Paper Moon", "en", "GROUP", "CN", List.of("dream pop")),
            new Person("ken_ito", "Ken Ito", "伊藤健", "ja", "PERSON", "JP", List.of("city pop")),
            new Person("remix_fox", "混音狐", "Remix Fox", "en", "PERSON", "CN", List.of("electronic")),
            new Person("dj_lanting", "DJ 兰亭", "DJ Lanting", "en", "PERSON", "CN", List.of("house")),
            new Person("echo_lee", "Echo Lee", "李回声", "zh-Hans", "PERSON", "CN", List.of("electronic")),
            new Person("mo_bai", "墨白", "Mo Bai", "en", "PERSON", "CN", List.of("lo-fi")),
            new Person("nova_sun", "Nova Sun", "孙新星", "zh-Hans", "PERSON", "CN", List.of("future bass")),
            new Person("xiao_he", "小禾", "Xiao He", "en", "PERSON", "CN", List.of("acoustic")),
            new Person("jin_se", "锦瑟", "Jin Se", "en", "PERSON", "CN", List.of("国风")),
            new Person("river_ma", "River Ma", "马川", "zh-Hans", "PERSON", "CN", List.of("folk")),
            new Person("tang_guo", "糖果", "Tang Guo", "en", "PERSON", "CN", List.of("mandopop")),
            new Person("orbit_nine", "轨道九号", "Orbit Nine", "en", "GROUP", "CN", List.of("post-rock")));

    static final String[] SONGS = {"晚风告白", "山海有信", "旧城南", "光年以外", "Summer in Chengdu", "雨后的操场",
        "青梅酒", "Neon Tide", "长安夜行", "纸飞机", "星河倒影", "慢慢喜欢你", "Midnight Metro", "云上的鲸",
        "外婆的院子", "Second Spring", "灯火里的中国", "北方的冬天", "Paper Planes", "渡口"};

    private final GraphQLHttp graph;
    private final Function<String, GraphQLHttp> as;
    private final Consumer<String> progress;
    private final List<String> creators = new ArrayList<>();
    private final List<String> originals = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private final List<String> firstSongRemixes = new ArrayList<>();
    private final OffsetDateTime clock;
    private String concert;
    private String awardsConcert;
    private String musicVideo;
    private int isrc;

    private DemoData(Function<String, GraphQLHttp> as, Consumer<String> progress, OffsetDateTime clock) {
        this.graph = as.apply("staff");
        this.as = as;
        this.progress = progress;
        this.clock = clock.withOffsetSameInstant(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A state change that may have been made by an earlier, interrupted load: CONFLICT means done. */
    private static void settle(GraphQLHttp as, String query, Map<String, ?> variables) {
        com.fasterxml.jackson.databind.JsonNode answer = as.post(query, variables);
        for (com.fasterxml.jackson.databind.JsonNode error : answer.path("errors")) {
            if (!"CONFLICT".equals(error.at("/extensions/code").asText())) {
                throw new IllegalStateException("GraphQL errors: " + answer.get("errors") + " for " + query);
            }
        }
    }

    /**
     * Loads the demo data through the gateway: programme data as staff, engagement as the ingestion account, event
     * registrations as the fans themselves ({@code as} gives the gateway as a caller of a role, or as the signed-in
     * user named when it is not a role).
     */
    public static void load(Function<String, GraphQLHttp> as, Consumer<String> progress, OffsetDateTime clock) {
        DemoData demo = new DemoData(as, progress, clock);
        demo.creators();
        demo.works();
        demo.album();
        demo.engagement();
        demo.events();
        demo.challenge();
        demo.finishedChallenge();
        demo.productions();
        progress.accept("demo data: " + demo.creators.size() + " creators, " + demo.published.size()
                + " published works, 1 boutique album, 5 upcoming events, 1 open remix challenge, 1 finished "
                + "original-song challenge, 2 music-video productions");
    }

    private void creators() {
        for (int i = 0; i < CREATORS.size(); i++) {
            Person p = CREATORS.get(i);
            Map<String, Object> input = new HashMap<>();
            input.put("handle", p.handle());
            input.put("displayName", p.name());
            input.put("kind", p.kind());
            input.put("region", p.region());
            input.put("genres", p.genres());
            input.put("bio", p.name() + " — " + String.join(" / ", p.genres()) + "，B站 × QQ音乐 音乐人计划成员。");
            input.put("aliases", List.of(Map.of("name", p.alias(), "locale", p.aliasLocale(), "primary", true)));
            input.put("idempotencyKey", "demo-creator-" + p.handle());
            com.fasterxml.jackson.databind.JsonNode creator = graph.data("mutation($input: RegisterCreatorInput!) { "
                    + "registerCreator(input: $input) { id verified tier platformAccounts { platform } } }",
                    Map.of("input", input)).get("registerCreator");
            String id = creator.get("id").asText();
            creators.add(id);
            String accounts = creator.get("platformAccounts").toString();
            if (!accounts.contains("BILIBILI")) {
                link(id, "BILIBILI", Long.toString(100_000_000L + i * 7_919L));
            }
            if (!accounts.contains("QQ_MUSIC")) {
                link(id, "QQ_MUSIC", String.format("00%02dDemoMid%03d", i, i).substring(0, 14));
            }
            String tier = creator.get("tier").asText();
            if (i < 10 && !creator.get("verified").asBoolean()) {
                settle(graph, "mutation($id: ID!) { verifyCreator(input: {id: $id}) { id } }", Map.of("id", id));
            }
            if (i < 10 && tier.equals("EMERGING")) {
                changeTier(id, "RISING", "Steady growth on both platforms");
                tier = "RISING";
            }
            if (i < 3 && !tier.equals("OUTSTANDING")) {
                changeTier(id, "OUTSTANDING", "Selected for a programme music video");
            }
        }
        progress.accept("demo data: creators");
    }

    private void link(String creator, String platform, String externalId) {
        graph.data("mutation($input: LinkPlatformAccountInput!) { linkPlatformAccount(input: $input) { id } }",
                Map.of("input", Map.of("creatorId", creator, "platform", platform, "externalId", externalId)));
    }

    private void changeTier(String creator, String tier, String reason) {
        graph.data("mutation($id: ID!, $t: Tier!, $r: String!) { changeCreatorTier(input: {id: $id, tier: $t, reason: $r}) { id } }",
                Map.of("id", creator, "t", tier, "r", reason));
    }

    private void works() {
        // an original by each of the first twenty creators
        for (int i = 0; i < 20; i++) {
            String performer = creators.get(i);
            originals.add(work(SONGS[i], "ORIGINAL", null, List.of(
                    credit(performer, "PERFORMER"), credit(performer, "COMPOSER"), credit(creators.get((i + 7) % 20), "LYRICIST")),
                    List.of(Map.of("creatorId", performer, "share", 70), Map.of("creatorId", creators.get((i + 7) % 20), "share", 30))));
        }
        // remixes of the first ten by the remixers (creators 20 to 29)
        for (int i = 0; i < 10; i++) {
            String remixer = creators.get(20 + i);
            String remix = work(SONGS[i] + " (" + CREATORS.get(20 + i).alias() + " Remix)", "REMIX", originals.get(i),
                    List.of(credit(remixer, "REMIXER"), credit(remixer, "PERFORMER"), credit(creators.get(i), "COMPOSER")),
                    List.of());
            if (i == 0) {
                firstSongRemixes.add(remix);
            }
        }
        // a second remix of the first song, and two covers
        firstSongRemixes.add(work(SONGS[0] + " (Night Drive Remix)", "REMIX", originals.get(0),
                List.of(credit(creators.get(22), "REMIXER"), credit(creators.get(22), "PERFORMER")), List.of()));
        work(SONGS[1] + " (Cover)", "COVER", originals.get(1), List.of(credit(creators.get(25), "VOCALIST"),
                credit(creators.get(25), "PERFORMER")), List.of());
        work(SONGS[3] + " (Acoustic Cover)", "COVER", originals.get(3), List.of(credit(creators.get(9), "PERFORMER")),
                List.of());
        // the programme's music video for its outstanding creator
        musicVideo = work(SONGS[0] + " MV", "MUSIC_VIDEO", originals.get(0), List.of(credit(creators.get(0), "PERFORMER"),
                credit(creators.get(13), "DIRECTOR")), List.of());
        // an open remix invitation and an accepted one
        graph.data("mutation($w: ID!, $c: ID!) { inviteRemix(input: {workId: $w, creatorId: $c, message: \"期待你的版本！\", "
                + "idempotencyKey: \"demo-invitation-1\", respondBy: \"" + clock.plusDays(14) + "\"}) { id } }",
                Map.of("w", originals.get(2), "c", creators.get(24)));
        String accepted = graph.data("mutation($w: ID!, $c: ID!) { inviteRemix(input: {workId: $w, creatorId: $c, "
                + "idempotencyKey: \"demo-invitation-2\", respondBy: \"" + clock.plusDays(14) + "\"}) { id } }",
                Map.of("w", originals.get(4), "c", creators.get(21))).at("/inviteRemix/id").asText();
        settle(graph, "mutation($id: ID!) { acceptRemixInvitation(input: {id: $id}) { id } }", Map.of("id", accepted));
        progress.accept("demo data: works");
    }

    /**
     * The open remix challenge on the first song (晚风告白), its submission window running, with the two remixes of
     * that song entered by their remixers, and prizes: a slot at its awards concert and a music video for the
     * winner, cash for the second, a Bilibili feature for the third.
     */
    private void challenge() {
        Map<String, Object> schedule = Map.of("announceAt", clock.minusDays(7).toString(),
                "submissionsOpenAt", clock.minusDays(5).toString(), "submissionsCloseAt", clock.plusDays(9).toString(),
                "votingCloseAt", clock.plusDays(16).toString(), "resultsAt", clock.plusDays(20).toString());
        Map<String, Object> input = new HashMap<>();
        input.put("title", SONGS[0] + " Remix 大赛");
        input.put("description", "Bilibili × QQ音乐 联合活动：用你的方式重新演绎《" + SONGS[0] + "》。");
        input.put("entryKind", "REMIX");
        input.put("host", "JOINT");
        input.put("topicTag", "#" + SONGS[0] + "Remix");
        input.put("sourceWorkId", originals.get(0));
        input.put("timeZone", "Asia/Shanghai");
        input.put("schedule", schedule);
        input.put("terms", Map.of("entriesPerCreator", 1, "voteWeight", 40, "juryWeight", 40, "engagementWeight", 20));
        input.put("idempotencyKey", "demo-challenge-1");
        String challenge = graph.data("mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }",
                Map.of("input", input)).at("/createChallenge/id").asText();
        settle(graph, "mutation($c: ID!, $p: [ChallengePrizeInput!]!) { setChallengePrizes(input: {challengeId: $c, "
                + "prizes: $p}) { id } }", Map.of("c", challenge, "p", List.of(
                        Map.of("rank", 1, "kind", "CONCERT_SLOT", "description", "颁奖音乐会登台演出", "eventId",
                                awardsConcert),
                        Map.of("rank", 1, "kind", "MV_PRODUCTION", "description", "节目组为冠军拍摄一支 MV"),
                        Map.of("rank", 2, "kind", "CASH", "description", "亚军奖金", "amount", 3000, "currency", "CNY"),
                        Map.of("rank", 3, "kind", "FEATURED", "description", "B站音乐区首页推荐", "platform",
                                "BILIBILI"))));
        settle(graph, "mutation($id: ID!) { announceChallenge(input: {id: $id}) { id } }", Map.of("id", challenge));
        int[] remixers = {20, 22};
        for (int i = 0; i < firstSongRemixes.size(); i++) {
            graph.data("mutation($c: ID!, $w: ID!, $by: ID!, $key: String!) { submitChallengeEntry(input: "
                    + "{challengeId: $c, workId: $w, creatorId: $by, idempotencyKey: $key}) { id } }",
                    Map.of("c", challenge, "w", firstSongRemixes.get(i), "by", creators.get(remixers[i]),
                            "key", "demo-entry-" + i));
        }
        progress.accept("demo data: an open remix challenge");
    }

    static final String FINISHED_CHALLENGE = "夏日原创季";

    /**
     * A finished original-song challenge, run through its phases on the server's clock in a few seconds (entries,
     * votes by the demo fans, a judge's scores, results), with prizes: cash and a slot at the Shanghai concert for
     * the winner (the cash paid), a music video for the second, a QQ Music feature for the third. Its schedule is the
     * real clock's, so it is not keyed for a repeat: a load that finds it with its results skips it.
     */
    private void finishedChallenge() {
        com.fasterxml.jackson.databind.JsonNode done = graph.data("{ challenges(filter: {phase: RESULTS}, first: 100) "
                + "{ edges { node { title } } } }");
        for (com.fasterxml.jackson.databind.JsonNode edge : done.at("/challenges/edges")) {
            if (FINISHED_CHALLENGE.equals(edge.at("/node/title").asText())) {
                return;
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        OffsetDateTime close = now.plusSeconds(8);
        OffsetDateTime votingClose = close.plusSeconds(6);
        Map<String, Object> input = new HashMap<>();
        input.put("title", FINISHED_CHALLENGE);
        input.put("description", "Bilibili × QQ音乐 原创歌曲挑战：投稿你的原创作品，由乐迷投票与评审团共同评选。");
        input.put("entryKind", "ORIGINAL");
        input.put("host", "JOINT");
        input.put("topicTag", "#夏日原创季");
        input.put("timeZone", "Asia/Shanghai");
        input.put("schedule", Map.of("announceAt", now.minusMinutes(1).toString(), "submissionsOpenAt",
                now.minusMinutes(1).toString(), "submissionsCloseAt", close.toString(), "votingCloseAt",
                votingClose.toString(), "resultsAt", votingClose.toString()));
        String challenge = graph.data("mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }",
                Map.of("input", input)).at("/createChallenge/id").asText();
        graph.data("mutation($c: ID!, $p: [ChallengePrizeInput!]!) { setChallengePrizes(input: {challengeId: $c, "
                + "prizes: $p}) { id } }", Map.of("c", challenge, "p", List.of(
                        Map.of("rank", 1, "kind", "CASH", "description", "冠军奖金", "amount", 5000, "currency", "CNY"),
                        Map.of("rank", 1, "kind", "CONCERT_SLOT", "description", "林夏巡演上海站 演出嘉宾", "eventId",
                                concert),
                        Map.of("rank", 2, "kind", "MV_PRODUCTION", "description", "节目组为你拍摄一支 MV"),
                        Map.of("rank", 3, "kind", "FEATURED", "description", "QQ音乐 首页推荐一周", "platform",
                                "QQ_MUSIC"))));
        com.fasterxml.jackson.databind.JsonNode criteria = graph.data("mutation($c: ID!) { setChallengeCriteria(input: "
                + "{challengeId: $c, criteria: [{name: \"旋律\", weight: 60, maxScore: 10}, {name: \"制作\", weight: 40, "
                + "maxScore: 10}]}) { id } }", Map.of("c", challenge)).get("setChallengeCriteria");
        graph.data("mutation($c: ID!) { appointChallengeJudge(input: {challengeId: $c, subject: \"demo-judge\"}) "
                + "{ subject } }", Map.of("c", challenge));
        graph.data("mutation($id: ID!) { announceChallenge(input: {id: $id}) { id } }", Map.of("id", challenge));
        List<String> entries = new ArrayList<>();
        for (int i = 3; i < 7; i++) {
            entries.add(graph.data("mutation($c: ID!, $w: ID!, $by: ID!) { submitChallengeEntry(input: {challengeId: $c, "
                    + "workId: $w, creatorId: $by}) { id } }", Map.of("c", challenge, "w", originals.get(i), "by",
                            creators.get(i))).at("/submitChallengeEntry/id").asText());
        }
        awaitPhase(challenge, "VOTING", close);
        int[] votes = {5, 3, 8, 2};
        int fan = 1000;
        for (int e = 0; e < entries.size(); e++) {
            for (int v = 0; v < votes[e]; v++) {
                as.apply("fan-" + fan++).data("mutation($c: ID!, $e: ID!) { castChallengeVote(input: {challengeId: $c, "
                        + "entryId: $e}) { castAt } }", Map.of("c", challenge, "e", entries.get(e)));
            }
        }
        awaitPhase(challenge, "JUDGING", votingClose);
        int[][] scores = {{9, 8}, {7, 9}, {8, 7}, {6, 6}};
        GraphQLHttp judge = as.apply("demo-judge");
        for (int e = 0; e < entries.size(); e++) {
            judge.data("mutation($e: ID!, $s: [ChallengeScoreInput!]!) { scoreChallengeEntry(input: {entryId: $e, "
                    + "scores: $s}) { score } }", Map.of("e", entries.get(e), "s", List.of(
                            Map.of("criterionId", criteria.get(0).get("id").asText(), "score", scores[e][0]),
                            Map.of("criterionId", criteria.get(1).get("id").asText(), "score", scores[e][1]))));
        }
        graph.data("mutation($id: ID!) { publishChallengeResults(input: {id: $id}) { id } }", Map.of("id", challenge));
        String cash = graph.data("query($id: ID!) { challenge(id: $id) { prizes { award { id } } } }",
                Map.of("id", challenge)).at("/challenge/prizes/0/award/id").asText();
        graph.data("mutation($a: ID!) { fulfilChallengePrize(input: {awardId: $a, note: \"奖金已发放\"}) { id } }",
                Map.of("a", cash));
        progress.accept("demo data: a finished original-song challenge");
    }

    /**
     * Two music-video productions: the released one of the programme's music video (晚风告白 MV, directed by
     * creator 13), and one in editing for 山海有信 with two cuts and feedback.
     */
    private void productions() {
        String released = production(0, 13, "demo-production-1", "B站 × QQ音乐 年度杰出音乐人", "两个平台联合拍摄的第一支 MV");
        settle(graph, "mutation($p: ID!, $c: ID!, $v: ID!) { deliverProduction(input: {productionId: $p, finalCutId: $c, "
                + "videoWorkId: $v}) { id } }", Map.of("p", released, "c", cut(released, 2), "v", musicVideo));
        String distribution = graph.data("mutation($w: ID!) { distribute(input: {workId: $w, platform: BILIBILI, "
                + "idempotencyKey: \"demo-distribution-mv\"}) { id } }", Map.of("w", musicVideo)).at("/distribute/id")
                .asText();
        settle(graph, "mutation($id: ID!) { markDistributionLive(input: {id: $id, externalId: \"BV1Demo4MV01\"}) "
                + "{ id } }", Map.of("id", distribution));
        settle(graph, "mutation($p: ID!) { releaseProduction(input: {productionId: $p, note: \"B站首发\"}) { id } }",
                Map.of("p", released));
        production(1, 14, "demo-production-2", "夏季 MV 计划入选", "山与海之间的一封信：实景拍摄");
        progress.accept("demo data: music-video productions");
    }

    /** A production of creator {@code artist}'s first song taken to EDITING with two cuts; its id. */
    private String production(int artist, int director, String key, String reason, String brief) {
        String id = graph.data("mutation($i: OpenProductionInput!) { openProduction(input: $i) { id } }", Map.of("i",
                Map.of("workId", originals.get(artist), "artistId", creators.get(artist), "selectionReason", reason,
                        "brief", brief, "idempotencyKey", key, "dueDates", List.of(
                                Map.of("stage", "EDITING", "dueAt", clock.plusDays(20).toString()),
                                Map.of("stage", "DELIVERED", "dueAt", clock.plusDays(30).toString())))))
                .at("/openProduction/id").asText();
        String by = creators.get(director);
        settle(graph, "mutation($p: ID!, $d: [String!]!) { shortlistProductionDirectors(input: {productionId: $p, "
                + "directorIds: $d}) { id } }", Map.of("p", id, "d", List.of(by, creators.get(director + 2))));
        settle(graph, "mutation($p: ID!, $d: ID) { submitProductionPitch(input: {productionId: $p, directorId: $d, "
                + "title: \"一镜到底\", treatment: \"城市与山海之间的长镜头叙事，胶片质感。\"}) { id } }",
                Map.of("p", id, "d", by));
        settle(graph, "mutation($p: ID!, $d: ID!) { approveProductionPitch(input: {productionId: $p, directorId: $d}) "
                + "{ id } }", Map.of("p", id, "d", by));
        settle(graph, "mutation($p: ID!) { approveProductionBudget(input: {productionId: $p, amount: 150000, currency: "
                + "\"CNY\"}) { id } }", Map.of("p", id));
        for (String step : List.of("startPreProduction", "startShooting", "startEditing")) {
            settle(graph, "mutation($p: ID!) { " + step + "(input: {productionId: $p}) { id } }", Map.of("p", id));
        }
        for (int version = 1; version <= 2; version++) {
            String cut = cut(id, version);
            if (cut == null) {
                settle(graph, "mutation($p: ID!, $u: String!, $k: String!) { addProductionCut(input: {productionId: $p, "
                        + "url: $u, idempotencyKey: $k}) { id } }", Map.of("p", id, "u", "https://cuts.chorus.example/"
                                + key + "/v" + version, "k", key + "-cut-" + version));
                cut = cut(id, version);
                if (cut != null) {
                    settle(graph, "mutation($c: ID!, $n: String!, $k: String!) { leaveCutFeedback(input: {cutId: $c, "
                            + "note: $n, idempotencyKey: $k}) { note } }", Map.of("c", cut, "n", version == 1
                                    ? "副歌部分的镜头再亮一点" : "很好，可以定稿", "k", key + "-feedback-" + version));
                }
            }
        }
        return id;
    }

    /** The id of the production's cut of this version, or null. */
    private String cut(String production, int version) {
        for (com.fasterxml.jackson.databind.JsonNode cut : graph.data("query($id: ID!) { production(id: $id) { cuts "
                + "{ id version } } }", Map.of("id", production)).at("/production/cuts")) {
            if (cut.get("version").asInt() == version) {
                return cut.get("id").asText();
            }
        }
        return null;
    }

    /** Waits for the server's clock to pass {@code at}, then until the challenge shows {@code phase}. */
    private void awaitPhase(String challenge, String phase, OffsetDateTime at) {
        try {
            long wait = java.time.Duration.between(OffsetDateTime.now(), at).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            for (int i = 0; i < 100; i++) {
                if (phase.equals(graph.data("query($id: ID!) { challenge(id: $id) { phase } }", Map.of("id", challenge))
                        .at("/challenge/phase").asText())) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the demo challenge did not reach " + phase);
    }

    private static Map<String, Object> credit(String creator, String role) {
        return Map.of("creatorId", creator, "role", role);
    }

    private String work(String title, String kind, String derivedFrom, List<Map<String, Object>> credits,
            List<Map<String, Object>> splits) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("kind", kind);
        input.put("language", title.chars().anyMatch(c -> c > 0x2E80) ? "zh-Hans" : "en");
        input.put("genre", kind.equals("MUSIC_VIDEO") ? "music video" : "mandopop");
        input.put("durationSeconds", 180 + (isrc * 37) % 120);
        input.put("isrc", String.format("CNCHR26%05d", ++isrc));
        input.put("credits", credits);
        input.put("royaltySplits", splits);
        input.put("idempotencyKey", "demo-work-" + input.get("isrc"));
        if (derivedFrom != null) {
            input.put("derivedFromId", derivedFrom);
        }
        String id = graph.data("mutation($input: CreateWorkInput!) { createWork(input: $input) { id } }",
                Map.of("input", input)).at("/createWork/id").asText();
        String releasedAt = clock.minusDays(60 - published.size()).truncatedTo(ChronoUnit.HOURS).toString();
        settle(graph, "mutation($id: ID!, $at: DateTime) { publishWork(input: {id: $id, releasedAt: $at}) { id } }",
                Map.of("id", id, "at", releasedAt));
        published.add(id);
        return id;
    }

    private void album() {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "山海之间 · 音乐人计划精选 Vol.1");
        input.put("kind", "COMPILATION");
        input.put("boutique", true);
        input.put("upc", "693456789012".substring(0, 11) + upcCheck("69345678901"));
        input.put("primaryArtistIds", List.of(creators.get(0), creators.get(1), creators.get(2)));
        input.put("trackWorkIds", List.of(originals.get(0), originals.get(1), originals.get(2), published.get(20)));
        input.put("idempotencyKey", "demo-album-1");
        String album = graph.data("mutation($input: CreateAlbumInput!) { createAlbum(input: $input) { id } }",
                Map.of("input", input)).at("/createAlbum/id").asText();
        settle(graph, "mutation($id: ID!) { releaseAlbum(input: {id: $id}) { id } }", Map.of("id", album));
        String distribution = graph.data("mutation($a: ID!) { distribute(input: {albumId: $a, platform: QQ_MUSIC, "
                + "idempotencyKey: \"demo-distribution-1\"}) { id } }", Map.of("a", album)).at("/distribute/id").asText();
        settle(graph, "mutation($id: ID!) { markDistributionLive(input: {id: $id, externalId: \"003DemoAlbum01\"}) { id } }",
                Map.of("id", distribution));
        progress.accept("demo data: boutique album");
    }

    static char upcCheck(String eleven) {
        int sum = 0;
        for (int i = eleven.length() - 1, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (eleven.charAt(i) - '0') * w;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private void engagement() {
        Random random = new Random(42);
        LocalDate today = clock.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        for (int day = 13; day >= 0; day--) {
            List<Map<String, Object>> deltas = new ArrayList<>();
            for (int w = 0; w < published.size(); w++) {
                int popularity = w < 3 ? 20 : w < 20 ? 5 : 2;
                int plays = popularity * (500 + random.nextInt(1500));
                deltas.add(Map.of("workId", published.get(w), "plays", plays, "likes", plays / 20,
                        "coins", plays / 50, "favorites", plays / 40, "shares", plays / 200,
                        "comments", plays / 100, "danmaku", plays / 15));
            }
            as.apply("ingestion").data("mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { works } }",
                    Map.of("input", Map.of("day", today.minusDays(day).toString(), "deltas", deltas,
                            "batchId", "demo-engagement-" + today.minusDays(day))));
        }
        progress.accept("demo data: engagement");
    }

    private void events() {
        String shanghai = venue("MAO Livehouse 上海", "上海", "黄浦区重庆南路308号", 1000);
        String beijing = venue("疆进酒 Live", "北京", "东城区鼓楼东大街", 600);
        String chengdu = venue("小酒馆 玉林店", "成都", "武侯区玉林西路55号", 200);
        String hangzhou = venue("B站 × QQ音乐 创作者中心", "杭州", "西湖区文三路", 120);

        concert = event("夏夜山海 · 林夏 2026 巡演 上海站", "CONCERT", "JOINT", shanghai, 10, 800,
                List.of(slot(0, "HEADLINER"), slot(1, "SUPPORT"), slot(20, "GUEST")),
                List.of(originals.get(0), published.get(20), originals.get(1), originals.get(2)));
        event("夜航星乐队 北京专场", "CONCERT", "QQ_MUSIC", beijing, 20, 500,
                List.of(slot(2, "HEADLINER"), slot(29, "SUPPORT")), List.of(originals.get(2), originals.get(7)));
        event("原创音乐人交流会 · 成都", "EXCHANGE", "BILIBILI", chengdu, 5, 60,
                List.of(slot(3, "HOST"), slot(1, "GUEST"), slot(9, "GUEST"), slot(13, "GUEST")), List.of(originals.get(4)));
        event("混音进阶训练营", "TRAINING", "JOINT", hangzhou, 15, 30,
                List.of(slot(20, "MENTOR"), slot(21, "MENTOR"), slot(10, "HOST")), List.of());
        awardsConcert = event(SONGS[0] + " Remix 大赛 颁奖音乐会", "CONCERT", "JOINT", shanghai, 25, 600,
                List.of(slot(0, "HEADLINER"), slot(20, "SUPPORT")), List.of(originals.get(0), firstSongRemixes.get(0)));
        for (int i = 0; i < 40; i++) {
            as.apply("fan-" + (1000 + i)).data("mutation($e: ID!) { registerForEvent(input: {eventId: $e}) { id } }",
                    Map.of("e", concert));
        }
        progress.accept("demo data: events");
    }

    private Map<String, Object> slot(int creator, String role) {
        return Map.of("creatorId", creators.get(creator), "role", role);
    }

    private String venue(String name, String city, String address, int capacity) {
        return graph.data("mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }",
                Map.of("input", Map.of("name", name, "city", city, "address", address, "maxCapacity", capacity,
                        "idempotencyKey", "demo-venue-" + Integer.toHexString(name.hashCode()))))
                .at("/createVenue/id").asText();
    }

    private String event(String title, String kind, String organizer, String venue, int inDays, int capacity,
            List<Map<String, Object>> lineup, List<String> setlist) {
        OffsetDateTime start = clock.plusDays(inDays).withHour(19).withMinute(30);
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("kind", kind);
        input.put("organizer", organizer);
        input.put("description", title + "。B站 × QQ音乐 音乐人计划线下活动。");
        input.put("venueId", venue);
        input.put("startsAt", start.toString());
        input.put("endsAt", start.plusHours(3).toString());
        input.put("timeZone", "Asia/Shanghai");
        input.put("capacity", capacity);
        input.put("opensAt", clock.minusDays(1).toString());
        input.put("closesAt", start.minusHours(2).toString());
        input.put("idempotencyKey", "demo-event-" + Integer.toHexString(title.hashCode()));
        String id = graph.data("mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }",
                Map.of("input", input)).at("/createEvent/id").asText();
        settle(graph, "mutation($input: SetLineupInput!) { setLineup(input: $input) { id } }",
                Map.of("input", Map.of("eventId", id, "slots", lineup)));
        settle(graph, "mutation($input: SetSetlistInput!) { setSetlist(input: $input) { id } }",
                Map.of("input", Map.of("eventId", id, "workIds", setlist)));
        settle(graph, "mutation($id: ID!) { publishEvent(input: {id: $id}) { id } }", Map.of("id", id));
        return id;
    }
}
