package cq.jianxi.youth.domain;

/** How many registry entries of a roster chunk were new, changed or already as given. */
public record RegistryCounts(int created, int updated, int unchanged) {
}
