package dev.chorus.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelayNamesTest {
    @Test
    void genericConnectionsAndEdgesGetRelayNamesAndNothingElseChanges() {
        assertEquals("WorkConnection", RelayNames.relayName("Connection_Work"));
        assertEquals("RemixInvitationEdge", RelayNames.relayName("Edge_RemixInvitation"));
        assertEquals("PageInfo", RelayNames.relayName("PageInfo"));
        assertEquals("Connection", RelayNames.relayName("Connection"));
        assertEquals("Edge_Work_Extra", RelayNames.relayName("Edge_Work_Extra"));
        assertEquals("_Service", RelayNames.relayName("_Service"));
    }
}
