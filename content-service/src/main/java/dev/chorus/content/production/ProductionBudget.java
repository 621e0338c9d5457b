package dev.chorus.content.production;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.NonNull;

public record ProductionBudget(@NonNull BigDecimal amount, @NonNull String currency, @NonNull OffsetDateTime approvedAt) {
}
