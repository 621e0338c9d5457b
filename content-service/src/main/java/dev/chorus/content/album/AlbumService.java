package dev.chorus.content.album;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.work.WorkEntity;
import dev.chorus.content.work.WorkStatus;
import dev.chorus.content.work.WorkVisibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Every change to albums: one transaction each, whole input validated first, so a refusal writes nothing. */
@ApplicationScoped
public class AlbumService {
    /** Release dates are calendar days of the programme, which runs in China. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Map<String, java.util.function.Supplier<? extends dev.chorus.common.error.ChorusException>> UNIQUE =
            Map.of("album_upc_key", () -> new ConflictException("upc", "another album already has this UPC"));

    @WithTransaction
    public Uni<AlbumEntity> create(Access access, CreateAlbumInput input) {
        access.requireStaffOrCreator();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        AlbumEntity album = new AlbumEntity();
        album.id = UUID.randomUUID();
        album.title = AlbumRules.title(input.title());
        album.kind = input.kind();
        album.boutique = Boolean.TRUE.equals(input.boutique());
        album.upc = AlbumRules.upc(input.upc());
        album.releaseDate = input.releaseDate();
        album.status = AlbumStatus.DRAFT;
        album.createdAt = Times.now();
        album.updatedAt = album.createdAt;
        List<UUID> artists = AlbumRules.artists(input.primaryArtistIds());
        List<UUID> tracks = AlbumRules.tracks(input.trackWorkIds());
        requireSelfListed(access, artists);
        return Idempotency.once("createAlbum", access, key, input,
                () -> requireWorks(access, tracks)
                        .chain(() -> album.persist())
                        .chain(() -> persistAll(artistRows(album.id, artists), trackRows(album.id, tracks)))
                        .chain(Panache::flush)
                        .replaceWith(album),
                a -> a.id.toString(), id -> AlbumEntity.<AlbumEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(UNIQUE));
    }

    @WithTransaction
    public Uni<AlbumEntity> update(Access access, UpdateAlbumInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", input.id());
        String title = input.title() == null ? null : AlbumRules.title(input.title());
        String upc = AlbumRules.upc(input.upc());
        List<UUID> artists = input.primaryArtistIds() == null ? null : AlbumRules.artists(input.primaryArtistIds());
        List<UUID> tracks = input.trackWorkIds() == null ? null : AlbumRules.tracks(input.trackWorkIds());
        if (artists != null) {
            requireSelfListed(access, artists);
        }
        return owned(access, id).chain(album -> {
            if (album.status != AlbumStatus.DRAFT) {
                throw new ConflictException("id", "only a DRAFT album can change; this one is " + album.status);
            }
            return requireWorks(access, tracks == null ? List.of() : tracks).chain(() -> {
                if (title != null) album.title = title;
                if (input.kind() != null) album.kind = input.kind();
                if (input.boutique() != null) album.boutique = input.boutique();
                if (input.upc() != null) album.upc = upc;
                if (input.releaseDate() != null) album.releaseDate = input.releaseDate();
                album.updatedAt = Times.now();
                Uni<Void> replaceArtists = artists == null ? Uni.createFrom().voidItem()
                        : AlbumArtistEntity.delete("albumId", id).chain(() -> persistAll(artistRows(id, artists), List.of()));
                return replaceArtists
                        .chain(() -> tracks == null ? Uni.createFrom().voidItem()
                                : AlbumTrackEntity.delete("albumId", id).chain(() -> persistAll(List.of(), trackRows(id, tracks))))
                        .chain(Panache::flush)
                        .replaceWith(album);
            });
        }).onFailure().transform(UniqueViolations.mapping(UNIQUE));
    }

    /** DRAFT to SCHEDULED for a future day, when the album is ready (see {@link #requireReady}). */
    @WithTransaction
    public Uni<AlbumEntity> schedule(Access access, ScheduleAlbumInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        LocalDate today = LocalDate.now(PROGRAMME_ZONE);
        if (!input.releaseDate().isAfter(today)) {
            throw new BadUserInputException("releaseDate", "a scheduled release date must be after today (" + today + ")");
        }
        return locked(id).chain(album -> {
            if (album.status != AlbumStatus.DRAFT) {
                throw new ConflictException("id", "only a DRAFT album can be scheduled; this one is " + album.status);
            }
            return requireReady(album).map(ready -> {
                album.status = AlbumStatus.SCHEDULED;
                album.releaseDate = input.releaseDate();
                album.updatedAt = Times.now();
                return album;
            });
        });
    }

    /** DRAFT or SCHEDULED to RELEASED today, when the album is ready. */
    @WithTransaction
    public Uni<AlbumEntity> release(Access access, ReleaseAlbumInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        return locked(id).chain(album -> {
            if (album.status == AlbumStatus.RELEASED) {
                throw new ConflictException("id", "the album is already RELEASED");
            }
            return requireReady(album).map(ready -> {
                LocalDate today = LocalDate.now(PROGRAMME_ZONE);
                album.status = AlbumStatus.RELEASED;
                if (album.releaseDate == null || album.releaseDate.isAfter(today)) {
                    album.releaseDate = today;
                }
                album.updatedAt = Times.now();
                return album;
            });
        });
    }

    /** A UPC, at least one track, and every track PUBLISHED with an ISRC; the error names the first track that fails. */
    private static Uni<Boolean> requireReady(AlbumEntity album) {
        if (album.upc == null) {
            throw new ConflictException("upc", "an album needs a UPC before it is scheduled or released");
        }
        return AlbumTrackEntity.<AlbumTrackEntity> list("albumId = ?1 order by position", album.id).chain(tracks -> {
            if (tracks.isEmpty()) {
                throw new ConflictException("tracks", "an album needs at least one track before it is scheduled or released");
            }
            return WorkEntity.<WorkEntity> list("id in ?1", tracks.stream().map(t -> t.workId).toList()).map(works -> {
                Map<UUID, WorkEntity> byId = new HashMap<>();
                works.forEach(w -> byId.put(w.id, w));
                for (AlbumTrackEntity track : tracks) {
                    WorkEntity work = byId.get(track.workId);
                    String which = "track " + track.position + " ('" + work.title + "')";
                    if (work.status != WorkStatus.PUBLISHED) {
                        throw new ConflictException("tracks[" + (track.position - 1) + "]",
                                which + " is " + work.status + ": every track must be PUBLISHED");
                    }
                    if (work.isrc == null) {
                        throw new ConflictException("tracks[" + (track.position - 1) + "]",
                                which + " has no ISRC: every track needs one");
                    }
                }
                return true;
            });
        });
    }

    /** Every track must be a work the caller may see; the error names the first one that is not. */
    private static Uni<Void> requireWorks(Access access, List<UUID> workIds) {
        if (workIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return WorkEntity.<WorkEntity> list("id in ?1", workIds)
                .chain(found -> WorkVisibility.visibleIds(access, found, WorkVisibility.IN_TRANSACTION)).map(known -> {
            for (int i = 0; i < workIds.size(); i++) {
                if (!known.contains(workIds.get(i))) {
                    throw new NotFoundException("trackWorkIds[" + i + "]", "no work with id " + workIds.get(i));
                }
            }
            return null;
        });
    }

    /**
     * The album, locked, when the caller may change it: staff, or one of its primary artists. Someone else's
     * RELEASED album is FORBIDDEN; a hidden one is NOT_FOUND, as if it did not exist.
     */
    private static Uni<AlbumEntity> owned(Access access, UUID id) {
        return locked(id).chain(album -> access.staff() ? Uni.createFrom().item(album)
                : (access.creatorId() == null ? Uni.createFrom().item(0L)
                        : AlbumArtistEntity.count("albumId = ?1 and creatorId = ?2", id, access.creatorId()))
                        .map(own -> {
                            if (own > 0) {
                                return album;
                            }
                            if (album.status == AlbumStatus.RELEASED) {
                                throw new ForbiddenException("only staff and an album's primary artists may change it");
                            }
                            throw new NotFoundException("id", "no album with id " + id);
                        }));
    }

    /** A creator makes and edits albums naming them as a primary artist (staff: any). */
    private static void requireSelfListed(Access access, List<UUID> artists) {
        if (!access.staff() && artists.stream().noneMatch(access::is)) {
            throw new BadUserInputException("primaryArtistIds", "list yourself: a creator makes and edits only "
                    + "albums naming them as a primary artist (creator " + access.creatorId() + ")");
        }
    }

    static Uni<AlbumEntity> locked(UUID id) {
        return AlbumEntity.<AlbumEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("id", "no album with id " + id));
    }

    private static Uni<Void> persistAll(List<AlbumArtistEntity> artists, List<AlbumTrackEntity> tracks) {
        List<Object> rows = new ArrayList<>(artists);
        rows.addAll(tracks);
        return rows.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession().chain(s -> s.persistAll(rows.toArray()));
    }

    private static List<AlbumArtistEntity> artistRows(UUID albumId, List<UUID> artists) {
        List<AlbumArtistEntity> rows = new ArrayList<>();
        for (int i = 0; i < artists.size(); i++) {
            AlbumArtistEntity row = new AlbumArtistEntity();
            row.id = UUID.randomUUID();
            row.albumId = albumId;
            row.position = i + 1;
            row.creatorId = artists.get(i);
            rows.add(row);
        }
        return rows;
    }

    private static List<AlbumTrackEntity> trackRows(UUID albumId, List<UUID> works) {
        List<AlbumTrackEntity> rows = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            AlbumTrackEntity row = new AlbumTrackEntity();
            row.id = UUID.randomUUID();
            row.albumId = albumId;
            row.position = i + 1;
            row.workId = works.get(i);
            rows.add(row);
        }
        return rows;
    }
}
