/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import-columns"

#include "config.h"

#include <string.h>

#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-import-columns.h"
#include "gdn-interaction.h"
#include "gdn-order.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"

/* The tables of CSV.md. The Chinese headers are fixed spreadsheet vocabulary, not
 * translations: a sheet written in Shanghai must import in an English session too. */

#define F GDN_CSV_VALUE_FIELD
#define CUSTOMER GDN_CSV_VALUE_CUSTOMER
#define ORDER GDN_CSV_VALUE_ORDER
#define CASE GDN_CSV_VALUE_CASE
#define CONTACT GDN_CSV_VALUE_CONTACT
#define LINE GDN_CSV_VALUE_LINE
#define ORDER_LIST GDN_CSV_VALUE_ORDER_LIST

static const GdnCsvColumn customer_columns[] = {
  { "code", "客户编码|客户代码", "code", F, TRUE },
  { "name", "客户名称", "name", F, TRUE },
  { "short_name", "简称", "short_name", F, FALSE },
  { "industry", "行业", "industry", F, FALSE },
  { "tier", "客户等级", "tier", F, FALSE },
  { "status", "状态", "status", F, FALSE },
  { "address", "地址", "address", F, FALSE },
  { "phone", "电话", "phone", F, FALSE },
  { "email", "邮箱", "email", F, FALSE },
  { "owner", "负责人", "owner", F, FALSE },
  { "notes", "备注", "notes", F, FALSE },
};

static const GdnCsvColumn contact_columns[] = {
  { "customer_code", "客户编码|客户代码", "customer_id", CUSTOMER, TRUE },
  { "name", "姓名", "name", F, TRUE },
  { "title", "职务", "title", F, FALSE },
  { "department", "部门", "department", F, FALSE },
  { "phone", "电话", "phone", F, FALSE },
  { "email", "邮箱", "email", F, FALSE },
  { "im", "微信", "im", F, FALSE },
  { "birthday", "生日", "birthday", F, FALSE },
  { "role", "角色", "role", F, FALSE },
  { "stance", "态度", "stance", F, FALSE },
  { "primary", "主要联系人", "is_primary", F, FALSE },
};

static const GdnCsvColumn order_columns[] = {
  { "order_no", "订单号", "order_no", F, TRUE },
  { "customer_code", "客户编码|客户代码", "customer_id", CUSTOMER, TRUE },
  { "type", "订单类型", "type", F, FALSE },
  { "source", "来源", "source", F, FALSE },
  { "status", "状态", "status", F, FALSE },
  { "created_date", "创建日期", "created_date", F, TRUE },
  { "confirmed_date", "确认日期", "confirmed_date", F, FALSE },
  { "promised_date", "交货日期", "promised_date", F, FALSE },
  { "delivered_date", "实际交付日期", "delivered_date", F, FALSE },
  { "delivery_address", "交货地址", "delivery_address", F, FALSE },
  { "product_code", "产品编码", "product_code", LINE, FALSE },
  { "product_name", "产品名称", "product_name", LINE, FALSE },
  { "spec", "规格", "spec", LINE, FALSE },
  { "unit", "单位", "unit", LINE, FALSE },
  { "quantity", "数量", "quantity", LINE, FALSE },
  { "unit_price", "单价", "unit_price", LINE, FALSE },
  { "currency", "币种", "currency", F, FALSE },
  { "payment_due", "付款截止日", "payment_due", F, FALSE },
  { "delay_reason", "延误原因", "delay_reason", F, FALSE },
  { "owner", "负责人", "owner", F, FALSE },
  { "missing_reason", "缺失原因", "missing_reason", F, FALSE },
  { "notes", "备注", "notes", F, FALSE },
};

static const GdnCsvColumn shipment_columns[] = {
  { "order_no", "订单号", "order_id", ORDER, TRUE },
  { "carrier", "承运商", "carrier", F, TRUE },
  { "mode", "运输方式", "mode", F, FALSE },
  { "tracking_no", "运单号", "tracking_no", F, FALSE },
  { "shipped_date", "发货日期", "shipped_date", F, FALSE },
  { "eta", "预计到达", "eta", F, FALSE },
  { "delivered_date", "签收日期", "delivered_date", F, FALSE },
  { "freight", "运费", "freight", F, FALSE },
  { "status", "状态", "status", F, FALSE },
};

static const GdnCsvColumn case_columns[] = {
  { "case_no", "工单号", "case_no", F, TRUE },
  { "customer_code", "客户编码|客户代码", "customer_id", CUSTOMER, TRUE },
  { "order_no", "订单号", "order_id", ORDER, FALSE },
  { "type", "类型", "type", F, TRUE },
  { "category", "投诉类别", "category", F, FALSE },
  { "priority", "优先级", "priority", F, FALSE },
  { "status", "状态", "status", F, FALSE },
  { "opened_at", "创建时间", "opened_at", F, TRUE },
  { "first_response_at", "首次响应时间", "first_response_at", F, FALSE },
  { "resolved_at", "解决时间", "resolved_at", F, FALSE },
  { "closed_at", "关闭时间", "closed_at", F, FALSE },
  { "resolution", "处理结果", "resolution", F, FALSE },
  { "satisfaction", "满意度", "satisfaction", F, FALSE },
};

static const GdnCsvColumn survey_columns[] = {
  { "customer_code", "客户编码|客户代码", "customer_id", CUSTOMER, TRUE },
  { "order_no", "订单号", "order_id", ORDER, FALSE },
  { "case_no", "工单号", "case_id", CASE, FALSE },
  { "date", "日期", "date", F, TRUE },
  { "overall", "总体评分", "overall", F, TRUE },
  { "accuracy", "准确性", "accuracy", F, FALSE },
  { "responsiveness", "响应速度", "responsiveness", F, FALSE },
  { "resolution", "问题解决", "resolution", F, FALSE },
  { "attitude", "服务态度", "attitude", F, FALSE },
  { "quality", "产品质量", "quality", F, FALSE },
  { "recommend", "推荐意愿", "recommend", F, FALSE },
  { "comment", "意见", "comment", F, FALSE },
};

static const GdnCsvColumn interaction_columns[] = {
  { "customer_code", "客户编码|客户代码", "customer_id", CUSTOMER, TRUE },
  { "contact_name", "联系人", "contact_id", CONTACT, FALSE },
  { "order_no", "订单号", "order_id", ORDER, FALSE },
  { "case_no", "工单号", "case_id", CASE, FALSE },
  { "channel", "渠道", "channel", F, TRUE },
  { "direction", "方向", "direction", F, FALSE },
  { "at", "时间", "at", F, TRUE },
  { "summary", "内容", "summary", F, TRUE },
  { "next_follow_up", "下次跟进", "next_follow_up", F, FALSE },
};

static const GdnCsvColumn contract_columns[] = {
  { "contract_no", "合同编号", "contract_no", F, TRUE },
  { "customer_code", "客户编码|客户代码", "customer_id", CUSTOMER, TRUE },
  { "title", "标题", "title", F, FALSE },
  { "amount", "金额", "amount", F, FALSE },
  { "order_nos", "关联订单", "order_nos", ORDER_LIST, FALSE },
  { "signed_date", "签订日期", "signed_date", F, FALSE },
  { "start_date", "开始日期", "start_date", F, FALSE },
  { "end_date", "结束日期", "end_date", F, FALSE },
  { "status", "状态", "status", F, FALSE },
};

#define KIND(name, type, key, key_field, columns) \
  { name, type, key, key_field, columns, G_N_ELEMENTS (columns) }

/* In the order a whole set of files is imported: referenced kinds first. */
static const GdnCsvKind kinds[] = {
  KIND ("customers", gdn_customer_get_type, GDN_CSV_KEY_UNIQUE, "code", customer_columns),
  KIND ("contacts", gdn_contact_get_type, GDN_CSV_KEY_CONTACT, NULL, contact_columns),
  KIND ("orders", gdn_order_get_type, GDN_CSV_KEY_UNIQUE, "order_no", order_columns),
  KIND ("shipments", gdn_shipment_get_type, GDN_CSV_KEY_SHIPMENT, NULL, shipment_columns),
  KIND ("cases", gdn_case_get_type, GDN_CSV_KEY_UNIQUE, "case_no", case_columns),
  KIND ("surveys", gdn_survey_get_type, GDN_CSV_KEY_SURVEY, NULL, survey_columns),
  KIND ("interactions", gdn_interaction_get_type, GDN_CSV_KEY_INTERACTION, NULL,
        interaction_columns),
  KIND ("contracts", gdn_contract_get_type, GDN_CSV_KEY_UNIQUE, "contract_no",
        contract_columns),
};

/**
 * gdn_csv_kind_lookup:
 * @name: a kind as on the command line ("orders")
 *
 * Returns: (nullable): the columns of @name, or %NULL when it cannot be imported
 */
const GdnCsvKind *
gdn_csv_kind_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

const GdnCsvKind *
gdn_csv_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * gdn_csv_kind_names:
 *
 * Returns: "customers, contacts, …", the kinds that can be imported and exported
 */
char *
gdn_csv_kind_names (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", kinds[i].name);
  return g_string_free (s, FALSE);
}

/* Headers people type: "Order No", "order-no *", " 订单号＊ " all name one column. */
static char *
normalize_header (const char *header)
{
  GString *s = g_string_new (NULL);
  const char *p = header;

  while (*p == ' ' || *p == '\t' || g_str_has_prefix (p, "\u3000"))
    p += *p == ' ' || *p == '\t' ? 1 : strlen ("\u3000");

  for (; *p != '\0'; p++)
    {
      char c = *p;

      if (c == ' ' || c == '-')
        c = '_';
      g_string_append_c (s, g_ascii_tolower (c));
    }

  for (;;)
    {
      if (s->len > 0 && (s->str[s->len - 1] == '_' || s->str[s->len - 1] == '*' ||
                         s->str[s->len - 1] == '\t'))
        g_string_truncate (s, s->len - 1);
      else if (g_str_has_suffix (s->str, "\u3000"))
        g_string_truncate (s, s->len - strlen ("\u3000"));
      else if (g_str_has_suffix (s->str, "＊"))
        g_string_truncate (s, s->len - strlen ("＊"));
      else
        break;
    }
  return g_string_free (s, FALSE);
}

static gboolean
matches_alias (const char *aliases,
               const char *text)
{
  const char *p = aliases;
  gsize len = strlen (text);

  while (p != NULL && *p != '\0')
    {
      const char *bar = strchr (p, '|');
      gsize n = bar ? (gsize) (bar - p) : strlen (p);

      if (n == len && strncmp (p, text, n) == 0)
        return TRUE;
      p = bar ? bar + 1 : NULL;
    }
  return FALSE;
}

/**
 * gdn_csv_kind_find_column:
 * @header: a header cell as written in a file
 *
 * Matches the English name (any case, spaces or '-' for '_') or a Chinese header, with
 * surrounding spaces and a "required" star ignored.
 *
 * Returns: the index of the column in @kind, or -1
 */
int
gdn_csv_kind_find_column (const GdnCsvKind *kind,
                          const char       *header)
{
  g_autofree char *norm = NULL;

  if (header == NULL)
    return -1;
  norm = normalize_header (header);
  if (*norm == '\0')
    return -1;

  for (guint i = 0; i < kind->n_columns; i++)
    if (strcmp (kind->columns[i].name, norm) == 0 || matches_alias (kind->columns[i].zh, norm))
      return (int) i;
  return -1;
}

/**
 * gdn_csv_column_header:
 *
 * Returns: the header an export writes: the English name, or the first Chinese one
 */
const char *
gdn_csv_column_header (const GdnCsvColumn *column,
                       gboolean            chinese)
{
  const char *bar;

  if (!chinese)
    return column->name;
  bar = strchr (column->zh, '|');
  if (bar == NULL)
    return column->zh;
  {
    g_autofree char *first = g_strndup (column->zh, bar - column->zh);
    return g_intern_string (first);
  }
}
