package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a production came from: a challenge's MV_PRODUCTION prize (which opening it fulfils) or a "
        + "programme selection with a reason.")
public enum ProductionOrigin {
    CHALLENGE_PRIZE, PROGRAMME_SELECTION
}
