package dev.chorus.events.city;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One name of a city, under its key ({@link CityRules#key}): what filters and new venues match. */
@Entity
@Table(name = "city_name")
public class CityNameEntity extends PanacheEntityBase {
    @Id
    @Column(columnDefinition = "text")
    public String nameKey;
    public UUID cityId;
    @Column(columnDefinition = "text")
    public String name;
    public int position;
}
