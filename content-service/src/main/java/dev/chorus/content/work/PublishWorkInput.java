package dev.chorus.content.work;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PublishWorkInput")
public record PublishWorkInput(@Id @NonNull String id,
        @Description("When it was released; now when left out.") OffsetDateTime releasedAt) {
}
