package cq.jianxi.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaRoutingTest {

    @Test
    void sendsTerminalRoutesToTheSpaButLeavesApiAndAssetsAlone() {
        assertTrue(SpaRouting.isClientRoute("/admin"));
        assertTrue(SpaRouting.isClientRoute("/youth/me"));
        assertTrue(SpaRouting.isClientRoute("/login"));
        assertFalse(SpaRouting.isClientRoute("/api/regions"));
        assertFalse(SpaRouting.isClientRoute("/q/health/ready"));
        assertFalse(SpaRouting.isClientRoute("/assets/index-abc.js"));
        assertFalse(SpaRouting.isClientRoute("/"));
    }
}
