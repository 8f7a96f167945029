package cq.jianxi.region.rest;

import cq.jianxi.region.domain.Region;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporting unit as the API shows it. */
@Schema(name = "Region", description = "区县（附件2 的 41 个填报单位）")
public record RegionView(
        @Schema(description = "区划代码（GB/T 2260）；功能区为字母代码 LJXQ、GXQ、WSJKQ", required = true) String code,
        @Schema(description = "简称，如 万州区", required = true) String shortName,
        @Schema(description = "全称", required = true) String officialName,
        @Schema(description = "类型：district 区、county 县、functional_zone 功能区", required = true,
                enumeration = {"district", "county", "functional_zone"}) String kind,
        @Schema(description = "附件2 中的排列顺序", required = true) int seq) {

    static RegionView of(Region r) {
        return new RegionView(r.code, r.shortName, r.officialName, r.kind, r.seq);
    }
}
