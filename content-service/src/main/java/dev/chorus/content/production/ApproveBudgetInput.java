package dev.chorus.content.production;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ApproveBudgetInput")
public record ApproveBudgetInput(@Id @NonNull String productionId,
        @NonNull @Description("Above 0, at most 100,000,000, in cents at most.") BigDecimal amount,
        @NonNull @Description("ISO 4217, e.g. CNY.") String currency) {
}
