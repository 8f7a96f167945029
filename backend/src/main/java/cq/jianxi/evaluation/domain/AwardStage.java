package cq.jianxi.evaluation.domain;

/** The steps of the three-level selection, each requiring the one before it. */
public enum AwardStage {
    DISTRICT("区级示范见习基地"),
    CITY_NOMINATED("推荐参评市级"),
    CITY("市级示范见习基地"),
    NATIONAL_RECOMMENDED("推荐参评国家级"),
    NATIONAL("国家级示范单位");

    private final String label;

    AwardStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage a base must already have reached for this one; null for the district's own award. */
    public AwardStage requires() {
        return switch (this) {
            case DISTRICT -> null;
            case CITY_NOMINATED -> DISTRICT;
            case CITY -> CITY_NOMINATED;
            case NATIONAL_RECOMMENDED -> CITY;
            case NATIONAL -> NATIONAL_RECOMMENDED;
        };
    }
}
