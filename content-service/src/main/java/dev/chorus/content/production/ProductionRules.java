package dev.chorus.content.production;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The checks of a production's inputs, without a database. */
final class ProductionRules {
    static final int BRIEF_MAX = 5000;
    static final int REASON_MAX = 500;
    static final int TITLE_MAX = 120;
    static final int TREATMENT_MAX = 10000;
    static final int NOTE_MAX = 2000;
    static final int URL_MAX = 2000;
    static final int SHORTLIST_MAX = 5;
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+[^\\s]*");

    private ProductionRules() {
    }

    /** 1 to 5 distinct creator ids, in order. */
    static List<UUID> shortlist(List<String> ids) {
        if (ids.isEmpty() || ids.size() > SHORTLIST_MAX) {
            throw new BadUserInputException("directorIds", "shortlist 1 to " + SHORTLIST_MAX + " directors");
        }
        Set<UUID> distinct = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!distinct.add(Inputs.id("directorIds[" + i + "]", ids.get(i)))) {
                throw new BadUserInputException("directorIds[" + i + "]", "a director is shortlisted once");
            }
        }
        return new ArrayList<>(distinct);
    }

    /** An http(s) link to the cut. */
    static String url(String value) {
        String url = Inputs.requiredLine("url", value, URL_MAX);
        if (!URL.matcher(url).matches()) {
            throw new BadUserInputException("url", "url must be an http or https link");
        }
        return url;
    }

    /** Due dates: each stage at most once, only stages that can be current (not RELEASED or CANCELLED). */
    static List<ProductionDueInput> dueDates(List<ProductionDueInput> dueDates, OffsetDateTime now) {
        Set<ProductionStage> seen = EnumSet.noneOf(ProductionStage.class);
        for (int i = 0; i < dueDates.size(); i++) {
            ProductionDueInput due = dueDates.get(i);
            String at = "dueDates[" + i + "]";
            if (due == null) {
                throw new BadUserInputException(at, at + " is required");
            }
            if (due.stage().closed()) {
                throw new BadUserInputException(at + ".stage", "a " + due.stage() + " production is never due");
            }
            if (!seen.add(due.stage())) {
                throw new BadUserInputException(at + ".stage", "each stage is due once");
            }
            if (due.dueAt().isAfter(now.plusYears(5)) || due.dueAt().isBefore(now.minusYears(5))) {
                throw new BadUserInputException(at + ".dueAt", "a due date lies within five years of today");
            }
        }
        return dueDates;
    }
}
