package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RemixInvitationTest {
    static final String INVITE = "mutation($input: InviteRemixInput!) { inviteRemix(input: $input) { id status invitee { ref } work { id } } }";
    static final String ACCEPT = "mutation($id: ID!) { acceptRemixInvitation(input: {id: $id}) { status } }";
    static final String DECLINE = "mutation($id: ID!) { declineRemixInvitation(input: {id: $id}) { status } }";
    static final String EXPIRE = "mutation($id: ID!) { expireRemixInvitation(input: {id: $id}) { status } }";
    static final String DELIVER = "mutation($id: ID!, $w: ID!) { deliverRemix(input: {id: $id, remixWorkId: $w}) "
            + "{ status deliveredWork { id kind } } }";

    private static String invite(String work, String creator) {
        return GraphQLClient.ok(INVITE, Map.of("input", Map.of("workId", work, "creatorId", creator)))
                .getString("data.inviteRemix.id");
    }

    @Test
    void anAcceptedInvitationIsDeliveredWithARemixOfTheWork() {
        String original = Content.publishedWork("原曲", "ORIGINAL", null, Content.creator());
        String remixer = Content.creator();
        String id = invite(original, remixer);
        GraphQLClient.fails("CONFLICT", "creatorId", INVITE, Map.of("input", Map.of("workId", original, "creatorId", remixer)));
        assertEquals("ACCEPTED", GraphQLClient.ok(ACCEPT, Map.of("id", id)).getString("data.acceptRemixInvitation.status"));

        String unrelated = Content.publishedWork("other", "ORIGINAL", null, remixer);
        String wrongRemix = Content.publishedWork("wrong remix", "REMIX", unrelated, remixer);
        GraphQLClient.fails("BAD_USER_INPUT", "remixWorkId", DELIVER, Map.of("id", id, "w", wrongRemix));
        String notCrediting = Content.publishedWork("someone else's remix", "REMIX", original, Content.creator());
        GraphQLClient.fails("BAD_USER_INPUT", "remixWorkId", DELIVER, Map.of("id", id, "w", notCrediting));

        String remix = Content.publishedWork("原曲 (Remix)", "REMIX", original, remixer);
        var delivered = GraphQLClient.ok(DELIVER, Map.of("id", id, "w", remix)).setRootPath("data.deliverRemix");
        assertEquals("DELIVERED", delivered.getString("status"));
        assertEquals(remix, delivered.getString("deliveredWork.id"));

        // every other transition is a CONFLICT
        GraphQLClient.fails("CONFLICT", "id", ACCEPT, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", DECLINE, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", EXPIRE, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", DELIVER, Map.of("id", id, "w", remix));
    }

    @Test
    void declinedAndExpiredInvitationsGoNowhere() {
        String original = Content.publishedWork("原曲2", "ORIGINAL", null, Content.creator());
        String declined = invite(original, Content.creator());
        GraphQLClient.fails("CONFLICT", "id", DELIVER, Map.of("id", declined, "w", original));
        assertEquals("DECLINED", GraphQLClient.ok(DECLINE, Map.of("id", declined)).getString("data.declineRemixInvitation.status"));
        GraphQLClient.fails("CONFLICT", "id", ACCEPT, Map.of("id", declined));

        String expired = invite(original, Content.creator());
        assertEquals("EXPIRED", GraphQLClient.ok(EXPIRE, Map.of("id", expired)).getString("data.expireRemixInvitation.status"));
        GraphQLClient.fails("CONFLICT", "id", ACCEPT, Map.of("id", expired));

        assertEquals(1, GraphQLClient.ok("query($w: ID!) { remixInvitations(filter: {workId: $w, status: EXPIRED}) "
                + "{ totalCount } }", Map.of("w", original)).getInt("data.remixInvitations.totalCount"));
    }

    @Test
    void invitationsNeedAPublishedAudioWorkAndAFutureDeadline() {
        String performer = Content.creator();
        String draft = Content.createWork(Content.work("draft", "ORIGINAL", performer));
        GraphQLClient.fails("CONFLICT", "workId", INVITE, Map.of("input", Map.of("workId", draft, "creatorId", performer)));
        GraphQLClient.fails("NOT_FOUND", "workId", INVITE, Map.of("input", Map.of("workId", Content.creator(),
                "creatorId", performer)));
        String original = Content.publishedWork("published", "ORIGINAL", null, performer);
        Map<String, Object> past = new HashMap<>(Map.of("workId", original, "creatorId", performer,
                "respondBy", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString()));
        GraphQLClient.fails("BAD_USER_INPUT", "respondBy", INVITE, Map.of("input", past));
    }
}
