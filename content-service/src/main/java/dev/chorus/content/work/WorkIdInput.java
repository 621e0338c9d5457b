package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WithdrawWorkInput")
public record WorkIdInput(@Id @NonNull String id) {
}
