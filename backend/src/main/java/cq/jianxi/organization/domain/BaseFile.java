package cq.jianxi.organization.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A file kept with a filing: one of the base's documents, or a photo of an on-site inspection. */
@Entity
@Table(name = "base_file")
public class BaseFile extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "inspection_id")
    public Long inspectionId;
    @Enumerated(EnumType.STRING)
    public BaseDocumentKind kind;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    /** Path under the storage directory; never shown to clients. */
    @Column(name = "storage_key")
    public String storageKey;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
