package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;

@Description("BRIEF → PITCHING → TREATMENT_APPROVED → PRE_PRODUCTION → SHOOTING → EDITING → DELIVERED → RELEASED, or "
        + "CANCELLED from any stage before RELEASED.")
public enum ProductionStage {
    BRIEF, PITCHING, TREATMENT_APPROVED, PRE_PRODUCTION, SHOOTING, EDITING, DELIVERED, RELEASED, CANCELLED;

    /** Finished: no step follows. */
    boolean closed() {
        return this == RELEASED || this == CANCELLED;
    }
}
