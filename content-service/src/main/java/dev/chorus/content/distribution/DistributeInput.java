package dev.chorus.content.distribution;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DistributeInput")
@Description("Exactly one of workId (a PUBLISHED work) and albumId (a SCHEDULED or RELEASED album).")
public record DistributeInput(@Id String workId, @Id String albumId, @NonNull Platform platform) {
}
