package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WorkOrderField")
@Description("What a list of works is ordered by; ties are broken by id.")
public enum WorkOrderField {
    @Description("Created most recently first.")
    NEWEST,
    @Description("Most plays first: over all time, or over `from`..`to` when given.")
    MOST_PLAYED,
    @Description("By title, case-insensitively, A to Z.")
    TITLE
}
