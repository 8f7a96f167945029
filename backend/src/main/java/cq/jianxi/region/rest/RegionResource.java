package cq.jianxi.region.rest;

import cq.jianxi.region.repository.RegionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Public list of the reporting units. */
@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "参考数据")
public class RegionResource {

    @Inject
    RegionRepository regions;

    @GET
    @Operation(summary = "List regions", description = "列出全市 41 个区县（含两江新区、高新区、万盛经开区），按附件2 顺序。无需登录。")
    public Uni<List<RegionView>> listRegions() {
        return regions.listInOrder().map(list -> list.stream().map(RegionView::of).toList());
    }
}
