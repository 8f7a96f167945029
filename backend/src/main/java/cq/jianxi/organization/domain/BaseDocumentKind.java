package cq.jianxi.organization.domain;

/** What a file kept with a filing shows; the base uploads the first three, inspectors the photos. */
public enum BaseDocumentKind {
    BUSINESS_LICENCE("营业执照"), WORKPLACE_PHOTO("场所照片"), OTHER("其他"), INSPECTION_PHOTO("现场核查照片");

    private final String label;

    BaseDocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
