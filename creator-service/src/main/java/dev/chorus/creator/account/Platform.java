package dev.chorus.creator.account;

import org.eclipse.microprofile.graphql.Description;

@Description("The partner platforms a creator has accounts on.")
public enum Platform {
    BILIBILI, QQ_MUSIC
}
