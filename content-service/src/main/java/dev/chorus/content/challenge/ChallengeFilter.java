package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Input;

import dev.chorus.content.work.WorkKind;

@Input("ChallengeFilter")
public record ChallengeFilter(ChallengePhase phase, ChallengeHost host, WorkKind entryKind) {
}
