/**
 * The property pane. SharePoint's own (`@microsoft/sp-property-pane`, component f9e737b7-…, `_ConfigurableOptionsController`)
 * is on npm, but it imports about twenty `@msinternal/sp-fluentui-*` and `@ms/office-ui-fabric-react-bundle`
 * components that only SharePoint's CDN serves, so it cannot load offline. The web part manager asks for the pane
 * through a service key (`_PropertyPaneLoader.serviceKey`, sp-webpart-base/lib/PropertyPaneLoader.js); the host
 * provides its own controller there. It speaks the same contract with the web part as SharePoint's controller:
 * `registerConsumer`, `requestAction('Open' | 'Close' | 'Toggle')`, the consumer's `_getPropertyPaneData()` for the
 * configuration (pages, groups, fields of `getPropertyPaneConfiguration()`), `_onPropertyPaneFieldChanged` and the
 * `ConfigurationStart`/`ConfigurationComplete` life-cycle events. Only the drawing is the host's (plain DOM, the
 * common field types). See docs/spfx-host.md.
 */
import type { ServiceScope } from '@microsoft/sp-core-library';
import { spWebPartBase } from './internals';

/** What the pane needs from a web part (BaseWebPart's internal property pane API, sp-webpart-base 1.23.2). */
interface PaneConsumer {
  _getPropertyPaneData(isDetails?: boolean, context?: unknown): Promise<PaneData>;
  _onPropertyPaneFieldChanged(propertyPath: string, newValue: unknown, fieldType?: number): void;
  _onPropertyPaneLifeCycleEvent(event: string): void;
}

interface PaneField {
  type: number;
  targetProperty?: string;
  properties?: Record<string, unknown>;
}
interface PaneGroup {
  groupName?: string;
  groupFields?: PaneField[];
}
interface PanePage {
  header?: { description?: string };
  groups?: PaneGroup[];
}
interface PaneData {
  title?: string;
  configuration?: { pages?: PanePage[] };
  properties?: Record<string, unknown>;
}

/** PropertyPaneFieldType values (sp-property-pane IPropertyPaneField.js) the host draws. */
const FIELD = { CheckBox: 2, TextField: 3, Toggle: 5, Dropdown: 6, Label: 7, Heading: 9, ChoiceGroup: 10, HorizontalRule: 12, Link: 13 };

function valueAt(properties: Record<string, unknown> | undefined, path: string | undefined): unknown {
  if (!properties || !path) return undefined;
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), properties);
}

/** The host's property pane controller (one per page, like SharePoint's). */
export class HostPropertyPaneController {
  private readonly consumers = new Map<string, PaneConsumer>();
  private openId: string | undefined;
  private panel: HTMLElement | undefined;

  public registerConsumer(instanceId: string, consumer: PaneConsumer): void {
    this.consumers.set(instanceId, consumer);
  }

  public onConsumerDelete(instanceId: string): void {
    if (this.openId === instanceId) this.close();
    this.consumers.delete(instanceId);
  }

  public isOpen(instanceId?: string): boolean {
    return this.openId !== undefined && (instanceId === undefined || instanceId === this.openId);
  }

  public isRenderedByConsumer(): boolean {
    return false;
  }

  public isContentPanelOpen(): boolean {
    return false;
  }

  public requestAction(instanceId: string, action: string = 'Default'): void {
    const open = action === 'Open' || action === 'OpenDetails' || ((action === 'Toggle' || action === 'Default') && !this.isOpen(instanceId));
    if (open) void this.open(instanceId, action === 'OpenDetails');
    else this.close();
  }

  private async open(instanceId: string, details: boolean): Promise<void> {
    const consumer = this.consumers.get(instanceId);
    if (!consumer) throw new Error(`No web part ${instanceId} registered with the property pane.`);
    if (this.openId && this.openId !== instanceId) this.close();
    this.openId = instanceId;
    consumer._onPropertyPaneLifeCycleEvent('ConfigurationStart');
    const data = await consumer._getPropertyPaneData(details);
    this.draw(instanceId, consumer, data);
  }

  private close(): void {
    const id = this.openId;
    this.openId = undefined;
    this.panel?.remove();
    this.panel = undefined;
    if (id) this.consumers.get(id)?._onPropertyPaneLifeCycleEvent('ConfigurationComplete');
  }

  private draw(instanceId: string, consumer: PaneConsumer, data: PaneData): void {
    this.panel?.remove();
    const panel = document.createElement('aside');
    panel.className = 'spfx-host-property-pane';
    panel.setAttribute('role', 'complementary');
    panel.setAttribute('aria-label', 'Eigenschappenvenster');
    panel.setAttribute('data-testid', 'property-pane');
    panel.setAttribute('data-instance-id', instanceId);
    const head = document.createElement('header');
    const title = document.createElement('h2');
    title.textContent = data.title ?? '';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Sluiten');
    close.addEventListener('click', () => this.close());
    head.append(title, close);
    panel.appendChild(head);
    const pages = data.configuration?.pages ?? [];
    if (!pages.length) {
      const none = document.createElement('p');
      none.setAttribute('data-testid', 'property-pane-empty');
      none.textContent = 'Dit webonderdeel heeft geen eigenschappen om in te stellen.';
      panel.appendChild(none);
    }
    for (const page of pages) {
      if (page.header?.description) {
        const p = document.createElement('p');
        p.textContent = page.header.description;
        panel.appendChild(p);
      }
      for (const group of page.groups ?? []) {
        const fs = document.createElement('fieldset');
        if (group.groupName) {
          const legend = document.createElement('legend');
          legend.textContent = group.groupName;
          fs.appendChild(legend);
        }
        for (const field of group.groupFields ?? []) fs.appendChild(this.fieldElement(consumer, field, data.properties));
        panel.appendChild(fs);
      }
    }
    document.body.appendChild(panel);
    this.panel = panel;
  }

  private fieldElement(consumer: PaneConsumer, field: PaneField, properties: Record<string, unknown> | undefined): HTMLElement {
    const p = field.properties ?? {};
    const label = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = String(p.label ?? p.text ?? field.targetProperty ?? '');
    label.appendChild(caption);
    const value = valueAt(properties, field.targetProperty);
    const changed = (v: unknown): void => {
      if (field.targetProperty) consumer._onPropertyPaneFieldChanged(field.targetProperty, v, field.type);
    };
    switch (field.type) {
      case FIELD.TextField: {
        const input = document.createElement(p.multiline ? 'textarea' : 'input');
        input.value = value === undefined || value === null ? '' : String(value);
        input.addEventListener('change', () => changed(input.value));
        label.appendChild(input);
        break;
      }
      case FIELD.CheckBox:
      case FIELD.Toggle: {
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.checked = value === true;
        input.addEventListener('change', () => changed(input.checked));
        label.prepend(input);
        break;
      }
      case FIELD.Dropdown:
      case FIELD.ChoiceGroup: {
        const select = document.createElement('select');
        for (const o of (p.options as Array<{ key: string | number; text: string }> | undefined) ?? []) {
          const option = document.createElement('option');
          option.value = String(o.key);
          option.textContent = o.text;
          option.selected = String(o.key) === String(value);
          select.appendChild(option);
        }
        select.addEventListener('change', () => changed(select.value));
        label.appendChild(select);
        break;
      }
      case FIELD.Label:
      case FIELD.Heading:
      case FIELD.Link:
        break;
      case FIELD.HorizontalRule:
        return document.createElement('hr');
      default: {
        const note = document.createElement('em');
        note.textContent = ` (veldtype ${field.type} tekent de host niet)`;
        label.appendChild(note);
      }
    }
    return label;
  }
}

/** A property pane loader (the shape of sp-webpart-base's PropertyPaneLoader) that hands out the host's controller. */
class HostPropertyPaneLoader {
  private readonly controller = new HostPropertyPaneController();
  public get propertyPane(): Promise<HostPropertyPaneController> {
    return Promise.resolve(this.controller);
  }
  public get isLoaded(): boolean {
    return true;
  }
}

/** Provides the host's property pane under the key the web part manager consumes. */
export function provideHostPropertyPane(scope: ServiceScope): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scope.provide(spWebPartBase._PropertyPaneLoader.serviceKey as any, new HostPropertyPaneLoader() as any);
}
