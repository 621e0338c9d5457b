package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("Who hosts a challenge: one platform, or both jointly.")
public enum ChallengeHost {
    BILIBILI, QQ_MUSIC, JOINT
}
