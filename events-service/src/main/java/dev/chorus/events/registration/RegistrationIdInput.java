package dev.chorus.events.registration;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RegistrationIdInput")
public record RegistrationIdInput(@Id @NonNull String id) {
}
