package dev.chorus.content.distribution;

import org.eclipse.microprofile.graphql.Description;

@Description("The partner platforms works and albums are distributed to.")
public enum Platform {
    BILIBILI, QQ_MUSIC
}
