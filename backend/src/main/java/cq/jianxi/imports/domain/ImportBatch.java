package cq.jianxi.imports.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One upload of shared data (数据共享): its source, time, counts and who uploaded it. */
@Entity
@Table(name = "import_batch")
public class ImportBatch extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "file_sha256")
    public String fileSha256;
    public String source;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    public String status;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "created_rows")
    public int createdRows;
    @Column(name = "updated_rows")
    public int updatedRows;
    @Column(name = "unchanged_rows")
    public int unchangedRows;
    @Column(name = "error_rows")
    public int errorRows;
    public String failure;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
