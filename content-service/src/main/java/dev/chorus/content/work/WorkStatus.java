package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Description;

@Description("DRAFT until published; WITHDRAWN works can be published again.")
public enum WorkStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
