package cq.jianxi.region.service;

import cq.jianxi.region.domain.Region;
import cq.jianxi.region.repository.RegionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reporting units as other contexts read them: in the notice's order, by code, or as short names. */
@ApplicationScoped
public class Regions {

    @Inject
    RegionRepository regions;

    public Uni<List<Region>> listInOrder() {
        return regions.listInOrder();
    }

    public Uni<List<Region>> listAll() {
        return regions.listAll();
    }

    /** The unit with {@code code}, or null when there is none. */
    public Uni<Region> findById(String code) {
        return regions.findById(code);
    }

    /** Code to short name (区县简称), in the notice's order. */
    public Uni<Map<String, String>> shortNames() {
        return regions.listInOrder().map(all -> {
            Map<String, String> names = new LinkedHashMap<>();
            all.forEach(r -> names.put(r.code, r.shortName));
            return names;
        });
    }
}
