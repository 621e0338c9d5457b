package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DeliverProductionInput")
public record DeliverProductionInput(@Id @NonNull String productionId,
        @Id @NonNull @Description("One of the production's cuts.") String finalCutId,
        @Id @NonNull @Description("A MUSIC_VIDEO work derived from the song, crediting the director as DIRECTOR and "
                + "the artist.") String videoWorkId,
        String note) {
}
