import { get, h, table } from '../dom.js';
import { districtName, t, time } from '../i18n.js';

/** Per warehouse: balances, the ledger (newest first) and the shortfalls against its norms. */
export function stockView(root) {
  let disposed = false;
  const show = async warehouse => {
    const [balances, ledger, shortfalls] = await Promise.all([
      get(`/api/inventory/warehouses/${warehouse.id}/balances`), get(`/api/inventory/warehouses/${warehouse.id}/ledger?pageSize=50`),
      get(`/api/inventory/shortfalls?district=${warehouse.districtCode}`)]);
    if (disposed) return;
    const own = shortfalls.filter(s => s.warehouseId === warehouse.id);
    detail.replaceChildren(h('article', { id: 'warehouse', dataset: { id: warehouse.id } },
      h('h3', {}, `${warehouse.name} · ${districtName(warehouse.districtCode)}`),
      h('h4', {}, t('balances')),
      table({ class: 'balances' }, [t('material'), t('onHand'), t('reserved'), t('available')],
        balances.map(b => h('tr', { dataset: { material: b.materialCode } },
          h('td', {}, `${b.materialName} (${b.materialCode})`), h('td', {}, `${b.onHand} ${b.unit}`), h('td', {}, b.reserved), h('td', {}, b.available)))),
      h('h4', {}, t('shortfalls')),
      own.length === 0 ? h('p', {}, t('noShortfall')) : h('ul', { class: 'shortfalls' }, own.map(s => h('li', { dataset: { material: s.materialCode } },
        `${s.materialCode}: ${t('minimum')} ${s.minimum}, ${t('available')} ${s.available}, ${t('missing')} ${s.missing}`))),
      h('h4', {}, t('ledger')),
      table({ class: 'ledger' }, [t('time'), t('kind'), t('material'), t('delta'), t('balanceAfter'), t('actor')],
        ledger.data.map(e => h('tr', {}, h('td', {}, time(e.at)), h('td', {}, t(`ledger.${e.kind}`)), h('td', {}, e.materialCode),
          h('td', {}, e.delta > 0 ? `+${e.delta}` : e.delta), h('td', {}, e.balanceAfter), h('td', {}, e.actor))))));
  };
  const detail = h('div', { id: 'warehouseDetail' });
  (async () => {
    const warehouses = await get('/api/inventory/warehouses');
    if (disposed) return;
    root.replaceChildren(h('section', { id: 'stock', class: 'panel' }, h('h2', {}, t('navStock')),
      h('form', { class: 'filters' }, h('label', {}, t('warehouse'),
        h('select', { name: 'warehouse', id: 'warehouseSelect', onchange: e => { const w = warehouses.find(x => x.id === e.target.value); if (w) show(w); } },
          h('option', { value: '' }, '—'), warehouses.map(w => h('option', { value: w.id }, `${w.name} (${w.code})`))))),
      detail));
  })();
  return () => { disposed = true; };
}
