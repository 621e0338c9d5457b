package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The README's matrix for content-service, asked directly at the service: every mutation and private field as
 * anonymous, another signed-in user, another creator, the owner (credited creator, primary artist, invitee) and
 * staff. Hidden things answer null or NOT_FOUND, so their existence does not leak.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AccessTest {
    static final String READ = "query($id: ID!) { work(id: $id) { id status royaltySplits { share } distributions { status } } }";
    static final String LIST = "{ works(first: 100) { edges { node { id } } } }";
    static final String OF_CREATOR = "query($c: _Any!) { _entities(representations: [$c]) { ... on Creator { "
            + "works(first: 100) { edges { node { id } } } credits(first: 100) { edges { node { work { id } } } } } } }";
    static final String UPDATE = "mutation($id: ID!, $t: String!) { updateWork(input: {id: $id, title: $t}) { title } }";
    static final String WITHDRAW = "mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }";

    final String ownerId = Content.creator();
    final Client owner = Client.creator(ownerId);
    final Client other = Client.creator(Content.creator());
    final Client anonymous = Client.anonymous();
    final Client user = Client.user("fan-2");
    final Client staff = Client.staff();

    private Map<String, Object> draft(String title) {
        Map<String, Object> input = Content.work(title, "ORIGINAL", ownerId);
        input.put("isrc", Content.isrc());
        input.put("royaltySplits", List.of(Map.of("creatorId", ownerId, "share", "100")));
        return input;
    }

    private static boolean lists(Client client, String work) {
        return client.ok(LIST).getList("data.works.edges.node.id").contains(work);
    }

    @Test
    void creatorsMakeTheirOwnWorksOnly() {
        Map<String, Object> input = Map.of("input", draft("mine"));
        anonymous.fails("UNAUTHENTICATED", null, Content.CREATE_WORK, input);
        user.fails("FORBIDDEN", null, Content.CREATE_WORK, input);
        other.fails("BAD_USER_INPUT", "credits", Content.CREATE_WORK, input);
        assertEquals("DRAFT", owner.ok(Content.CREATE_WORK, input).getString("data.createWork.status"));
        assertEquals("DRAFT", staff.ok(Content.CREATE_WORK, Map.of("input", draft("by staff")))
                .getString("data.createWork.status"));
    }

    @Test
    void aDraftIsTheOwnersUntilPublished() {
        String work = owner.ok(Content.CREATE_WORK, Map.of("input", draft("secret song")))
                .getString("data.createWork.id");
        Map<String, Object> me = Map.of("c", Map.of("__typename", "Creator", "ref", ownerId));

        for (Client outsider : List.of(anonymous, user, other)) {
            assertNull(outsider.ok(READ, Map.of("id", work)).get("data.work"));
            assertFalse(lists(outsider, work));
            JsonPath nested = outsider.ok(OF_CREATOR, me);
            assertEquals(List.of(), nested.getList("data._entities[0].works.edges"), nested::prettify);
            assertEquals(List.of(), nested.getList("data._entities[0].credits.edges"), nested::prettify);
        }
        for (Client insider : List.of(owner, staff)) {
            JsonPath read = insider.ok(READ, Map.of("id", work));
            assertEquals("DRAFT", read.getString("data.work.status"));
            assertEquals(1, read.getList("data.work.royaltySplits").size());
            assertTrue(lists(insider, work));
            assertEquals(List.of(work), insider.ok(OF_CREATOR, me).getList("data._entities[0].works.edges.node.id"));
        }

        Map<String, Object> rename = Map.of("id", work, "t", "renamed");
        anonymous.fails("UNAUTHENTICATED", null, UPDATE, rename);
        user.fails("FORBIDDEN", null, UPDATE, rename);
        other.fails("NOT_FOUND", "id", UPDATE, rename);
        other.fails("NOT_FOUND", "id", Content.PUBLISH, Map.of("id", work));
        assertEquals("secret song", staff.ok("query($id: ID!) { work(id: $id) { title } }", Map.of("id", work))
                .getString("data.work.title"));
        assertEquals("renamed", owner.ok(UPDATE, rename).getString("data.updateWork.title"));
        assertEquals("by staff", staff.ok(UPDATE, Map.of("id", work, "t", "by staff")).getString("data.updateWork.title"));

        owner.ok(Content.PUBLISH, Map.of("id", work));
        for (Client outsider : List.of(anonymous, user, other)) {
            JsonPath read = outsider.ok(READ, Map.of("id", work));
            assertEquals("PUBLISHED", read.getString("data.work.status"));
            assertNull(read.get("data.work.royaltySplits"), read::prettify);
            assertNull(read.get("data.work.distributions"), read::prettify);
            assertTrue(lists(outsider, work));
        }
        assertEquals(List.of(), owner.ok(READ, Map.of("id", work)).getList("data.work.distributions"));
        other.fails("FORBIDDEN", null, UPDATE, rename);
        other.fails("FORBIDDEN", null, WITHDRAW, Map.of("id", work));
        // a creator cannot take themselves off their work's credits
        owner.fails("BAD_USER_INPUT", "credits", "mutation($id: ID!, $c: ID!) { updateWork(input: {id: $id, "
                + "credits: [{creatorId: $c, role: PERFORMER}]}) { id } }", Map.of("id", work, "c", Content.creator()));

        assertEquals("WITHDRAWN", owner.ok(WITHDRAW, Map.of("id", work)).getString("data.withdrawWork.status"));
        assertNull(anonymous.ok(READ, Map.of("id", work)).get("data.work"));
    }

    @Test
    void aHiddenWorkCannotBeUsedBySomeoneElse() {
        String hidden = owner.ok(Content.CREATE_WORK, Map.of("input", draft("unreleased")))
                .getString("data.createWork.id");
        String otherId = Content.creator();
        Client remixer = Client.creator(otherId);
        Map<String, Object> remix = Content.work("remix", "REMIX", otherId);
        remix.put("derivedFromId", hidden);
        remixer.fails("NOT_FOUND", "derivedFromId", Content.CREATE_WORK, Map.of("input", remix));
        remixer.fails("NOT_FOUND", "trackWorkIds[0]", AlbumTest.CREATE, Map.of("input", Map.of("title", "EP",
                "kind", "EP", "primaryArtistIds", List.of(otherId), "trackWorkIds", List.of(hidden))));
    }

    @Test
    void albumsBelongToTheirPrimaryArtistsAndStaffReleasesThem() {
        String track = Content.publishedWork("single", "ORIGINAL", null, ownerId);
        Map<String, Object> input = new HashMap<>(Map.of("title", "First EP", "kind", "EP", "upc", AlbumTest.upc(),
                "primaryArtistIds", List.of(ownerId), "trackWorkIds", List.of(track)));
        anonymous.fails("UNAUTHENTICATED", null, AlbumTest.CREATE, Map.of("input", input));
        user.fails("FORBIDDEN", null, AlbumTest.CREATE, Map.of("input", input));
        other.fails("BAD_USER_INPUT", "primaryArtistIds", AlbumTest.CREATE, Map.of("input", input));
        String album = owner.ok(AlbumTest.CREATE, Map.of("input", input)).getString("data.createAlbum.id");

        String read = "query($id: ID!) { album(id: $id) { status distributions { status } } }";
        for (Client outsider : List.of(anonymous, user, other)) {
            assertNull(outsider.ok(read, Map.of("id", album)).get("data.album"));
        }
        Map<String, Object> rename = Map.of("input", Map.of("id", album, "title", "Renamed EP"));
        other.fails("NOT_FOUND", "id", AlbumTest.UPDATE, rename);
        owner.ok(AlbumTest.UPDATE, rename);
        Map<String, Object> release = Map.of("id", album);
        Map<String, Object> schedule = Map.of("id", album, "d", LocalDate.now().plusDays(30).toString());
        for (Client refused : List.of(user, other, owner)) {
            refused.fails("FORBIDDEN", null, AlbumTest.SCHEDULE, schedule);
            refused.fails("FORBIDDEN", null, AlbumTest.RELEASE, release);
        }
        anonymous.fails("UNAUTHENTICATED", null, AlbumTest.RELEASE, release);
        assertEquals("DRAFT", owner.ok(read, Map.of("id", album)).getString("data.album.status"));
        assertEquals("RELEASED", staff.ok(AlbumTest.RELEASE, release).getString("data.releaseAlbum.status"));

        JsonPath seen = anonymous.ok(read, Map.of("id", album));
        assertEquals("RELEASED", seen.getString("data.album.status"));
        assertNull(seen.get("data.album.distributions"));
        assertEquals(List.of(), owner.ok(read, Map.of("id", album)).getList("data.album.distributions"));
        other.fails("FORBIDDEN", null, AlbumTest.UPDATE, rename);
    }

    @Test
    void invitationsAreForTheInviteeAndStaff() {
        String work = Content.publishedWork("remix me", "ORIGINAL", null, ownerId);
        String inviteeId = Content.creator();
        Client invitee = Client.creator(inviteeId);
        Map<String, Object> input = Map.of("input", Map.of("workId", work, "creatorId", inviteeId));
        anonymous.fails("UNAUTHENTICATED", null, RemixInvitationTest.INVITE, input);
        for (Client refused : List.of(user, owner, invitee)) {
            refused.fails("FORBIDDEN", null, RemixInvitationTest.INVITE, input);
        }
        String invitation = staff.ok(RemixInvitationTest.INVITE, input).getString("data.inviteRemix.id");

        String read = "query($id: ID!) { remixInvitation(id: $id) { status } }";
        String list = "query($w: ID!) { remixInvitations(filter: {workId: $w}) { totalCount edges { node { id } } } }";
        for (Client outsider : List.of(anonymous, user, owner, other)) {
            assertNull(outsider.ok(read, Map.of("id", invitation)).get("data.remixInvitation"));
            assertEquals(0, outsider.ok(list, Map.of("w", work)).getInt("data.remixInvitations.totalCount"));
        }
        for (Client insider : List.of(invitee, staff)) {
            assertEquals("INVITED", insider.ok(read, Map.of("id", invitation)).getString("data.remixInvitation.status"));
            assertEquals(List.of(invitation), insider.ok(list, Map.of("w", work))
                    .getList("data.remixInvitations.edges.node.id"));
        }

        Map<String, Object> id = Map.of("id", invitation);
        anonymous.fails("UNAUTHENTICATED", null, RemixInvitationTest.ACCEPT, id);
        user.fails("FORBIDDEN", null, RemixInvitationTest.ACCEPT, id);
        owner.fails("NOT_FOUND", "id", RemixInvitationTest.ACCEPT, id);
        other.fails("NOT_FOUND", "id", RemixInvitationTest.DECLINE, id);
        invitee.fails("FORBIDDEN", null, RemixInvitationTest.EXPIRE, id);
        assertEquals("ACCEPTED", invitee.ok(RemixInvitationTest.ACCEPT, id).getString("data.acceptRemixInvitation.status"));
    }

    @Test
    void challengesAreRunByStaffEnteredByCreatorsAndVotedOnByTheSignedIn() {
        ChallengeTest.Fixture f = ChallengeTest.challengeIn("OPEN", null);
        String mine = ChallengeTest.remixBy(f.source(), ownerId);
        Map<String, Object> entry = Map.of("input", Map.of("challengeId", f.id(), "workId", mine));
        for (String staffOnly : List.of(
                "mutation($id: ID!) { announceChallenge(input: {id: $id}) { id } }",
                "mutation($id: ID!) { cancelChallenge(input: {id: $id, reason: \"r\"}) { id } }",
                "mutation($id: ID!) { updateChallenge(input: {id: $id, title: \"t\"}) { id } }")) {
            anonymous.fails("UNAUTHENTICATED", null, staffOnly, Map.of("id", f.id()));
            for (Client notStaff : List.of(user, other, owner)) {
                notStaff.fails("FORBIDDEN", null, staffOnly, Map.of("id", f.id()));
            }
        }
        anonymous.fails("UNAUTHENTICATED", null, ChallengeTest.SUBMIT, entry);
        user.fails("FORBIDDEN", null, ChallengeTest.SUBMIT, entry);
        other.fails("BAD_USER_INPUT", "workId", ChallengeTest.SUBMIT, entry); // not credited on it
        String id = owner.ok(ChallengeTest.SUBMIT, entry).getString("data.submitChallengeEntry.id");
        String disqualify = "mutation($id: ID!) { disqualifyChallengeEntry(input: {id: $id, reason: \"r\"}) { id } }";
        anonymous.fails("UNAUTHENTICATED", null, disqualify, Map.of("id", id));
        for (Client notStaff : List.of(user, other, owner)) {
            notStaff.fails("FORBIDDEN", null, disqualify, Map.of("id", id));
        }
        other.fails("NOT_FOUND", "id", ChallengeTest.WITHDRAW, Map.of("id", id));
        user.fails("FORBIDDEN", null, ChallengeTest.WITHDRAW, Map.of("id", id));

        ChallengeTest.moveTo(f.id(), "VOTING");
        Map<String, Object> vote = Map.of("c", f.id(), "e", id);
        anonymous.fails("UNAUTHENTICATED", null, ChallengeTest.VOTE, vote);
        owner.fails("FORBIDDEN", null, ChallengeTest.VOTE, vote); // their own entry
        for (Client voter : List.of(user, other, staff)) {
            voter.ok(ChallengeTest.VOTE, vote);
        }
        String votes = "query($id: ID!) { challenge(id: $id) { entries { edges { node { votes } } } } }";
        for (Client outsider : List.of(anonymous, user, other, owner)) {
            assertNull(outsider.ok(votes, Map.of("id", f.id())).get("data.challenge.entries.edges[0].node.votes"));
        }
        assertEquals(3, staff.ok(votes, Map.of("id", f.id())).getInt("data.challenge.entries.edges[0].node.votes"));
        String myVote = "query($id: ID!) { challenge(id: $id) { myVote { entry { id } } } }";
        assertNull(anonymous.ok(myVote, Map.of("id", f.id())).get("data.challenge.myVote"));
        assertEquals(id, user.ok(myVote, Map.of("id", f.id())).getString("data.challenge.myVote.entry.id"));
        assertNull(owner.ok(myVote, Map.of("id", f.id())).get("data.challenge.myVote"));
    }

    @Test
    void prizesAreSetAndDecidedByStaffAndTheirNotesAreForStaffAndTheEntrant() {
        String draft = ChallengePrizeTest.draftOn(Content.publishedWork("access prize source", "ORIGINAL", null,
                Content.creator()));
        Map<String, Object> set = Map.of("c", draft, "p", List.of(ChallengePrizeTest.prize(1, "MV_PRODUCTION")));
        anonymous.fails("UNAUTHENTICATED", null, ChallengePrizeTest.SET, set);
        for (Client notStaff : List.of(user, other, owner)) {
            notStaff.fails("FORBIDDEN", null, ChallengePrizeTest.SET, set);
        }
        ChallengePrizeTest.Finished f = ChallengePrizeTest.finished(2, List.of(ChallengePrizeTest.cash(1, 100),
                ChallengePrizeTest.prize(2, "MV_PRODUCTION")));
        String award = staff.ok(ChallengePrizeTest.PRIZES, Map.of("id", f.id()))
                .getString("data.challenge.prizes[0].award.id");
        Client winner = Client.creator(f.creators().get(0));
        for (String decision : List.of(ChallengePrizeTest.FULFIL, ChallengePrizeTest.FORFEIT)) {
            anonymous.fails("UNAUTHENTICATED", null, decision, Map.of("a", award));
            for (Client notStaff : List.of(user, owner, winner)) {
                notStaff.fails("FORBIDDEN", null, decision, Map.of("a", award));
            }
        }
        staff.ok(ChallengePrizeTest.FULFIL, Map.of("a", award, "n", "paid on 1 Dec"));
        String note = "query($id: ID!) { challenge(id: $id) { prizes { award { note state } } } }";
        for (Client outsider : List.of(anonymous, user, owner, Client.creator(f.creators().get(1)))) {
            JsonPath seen = outsider.ok(note, Map.of("id", f.id()));
            assertEquals("FULFILLED", seen.getString("data.challenge.prizes[0].award.state"), "the state is public");
            assertNull(seen.get("data.challenge.prizes[0].award.note"));
        }
        for (Client insider : List.of(staff, winner)) {
            assertEquals("paid on 1 Dec", insider.ok(note, Map.of("id", f.id()))
                    .getString("data.challenge.prizes[0].award.note"));
        }
    }

    @Test
    void distributionIsStaffWork() {
        String work = Content.publishedWork("to distribute", "ORIGINAL", null, ownerId);
        Map<String, Object> input = Map.of("input", Map.of("workId", work, "platform", "QQ_MUSIC"));
        anonymous.fails("UNAUTHENTICATED", null, DistributionTest.DISTRIBUTE, input);
        for (Client refused : List.of(user, owner)) {
            refused.fails("FORBIDDEN", null, DistributionTest.DISTRIBUTE, input);
        }
        String distribution = staff.ok(DistributionTest.DISTRIBUTE, input).getString("data.distribute.id");
        owner.fails("FORBIDDEN", null, DistributionTest.LIVE, Map.of("id", distribution, "x", "003a1b2c3d4e5f"));
        owner.fails("FORBIDDEN", null, DistributionTest.TAKE_DOWN, Map.of("id", distribution));
        assertEquals(List.of("PENDING"), owner.ok(READ, Map.of("id", work)).getList("data.work.distributions.status"));
    }

    @Test
    void onlyTheIngestionAccountRecordsEngagement() {
        String work = Content.publishedWork("played", "ORIGINAL", null, ownerId);
        Map<String, Object> batch = Map.of("input", Map.of("day", LocalDate.now().minusDays(1).toString(),
                "deltas", List.of(Map.of("workId", work, "plays", 10))));
        anonymous.fails("UNAUTHENTICATED", null, EngagementTest.RECORD, batch);
        for (Client refused : List.of(user, owner, staff)) {
            refused.fails("FORBIDDEN", null, EngagementTest.RECORD, batch);
        }
        String plays = "query($id: ID!) { work(id: $id) { engagement { plays } } }";
        assertEquals(0, anonymous.ok(plays, Map.of("id", work)).getInt("data.work.engagement.plays"));
        assertNotNull(EngagementTest.ingestion().ok(EngagementTest.RECORD, batch).get("data.recordEngagement"));
        assertEquals(10, anonymous.ok(plays, Map.of("id", work)).getInt("data.work.engagement.plays"));
    }
}
