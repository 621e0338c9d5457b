package dev.chorus.content.challenge;

/** What staff did to a challenge (stored); its public phase follows from this and the schedule. */
public enum ChallengeState {
    DRAFT, ANNOUNCED, CANCELLED, PUBLISHED
}
