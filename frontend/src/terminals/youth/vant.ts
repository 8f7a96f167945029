// Vant styles for the components the youth terminal uses (per component, not the whole library),
// and the Chinese locale (Vant's default, set explicitly).
import { Locale } from 'vant'
import zhCN from 'vant/es/locale/lang/zh-CN'
import 'vant/es/config-provider/style/index'
import 'vant/es/nav-bar/style/index'
import 'vant/es/tabbar/style/index'
import 'vant/es/tabbar-item/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/button/style/index'
import 'vant/es/toast/style/index'

Locale.use('zh-CN', zhCN)
