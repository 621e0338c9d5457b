package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("ProductionFilter")
public record ProductionFilter(ProductionStage stage, Boolean overdue, @Id String artistId, @Id String directorId) {
}
