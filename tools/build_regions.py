"""Build ``kb/data/regions.tsv``, PolicyKB's gazetteer of China's administrative divisions.

Source: the ``adcodes.csv`` of the ``cpca`` package (chinese_province_city_area_mapper,
MIT licence, https://github.com/DQinYuan/chinese_province_city_area_mapper), which lists
every province, prefecture-level city and county with its administrative code. English
names of cities and counties are their pinyin (``pypinyin``); those of provinces,
their one-character abbreviations (简称) and a few renames and nicknames are written
below by hand. Run from the repository root (dev tools only; nothing here ships)::

    pip install cpca pypinyin && python tools/build_regions.py
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

from pypinyin import lazy_pinyin

PROVINCES = {  # code prefix: (abbreviation(s), English name(s))
    "11": ("京", "Beijing"),
    "12": ("津", "Tianjin"),
    "13": ("冀", "Hebei"),
    "14": ("晋", "Shanxi"),
    "15": ("蒙", "Inner Mongolia|Nei Mongol"),
    "21": ("辽", "Liaoning"),
    "22": ("吉", "Jilin"),
    "23": ("黑", "Heilongjiang"),
    "31": ("沪", "Shanghai"),
    "32": ("苏", "Jiangsu"),
    "33": ("浙", "Zhejiang"),
    "34": ("皖", "Anhui"),
    "35": ("闽", "Fujian"),
    "36": ("赣", "Jiangxi"),
    "37": ("鲁", "Shandong"),
    "41": ("豫", "Henan"),
    "42": ("鄂", "Hubei"),
    "43": ("湘", "Hunan"),
    "44": ("粤", "Guangdong"),
    "45": ("桂", "Guangxi"),
    "46": ("琼", "Hainan"),
    "50": ("渝", "Chongqing"),
    "51": ("川|蜀", "Sichuan"),
    "52": ("黔|贵", "Guizhou"),
    "53": ("滇|云", "Yunnan"),
    "54": ("藏", "Tibet|Xizang"),
    "61": ("陕|秦", "Shaanxi"),
    "62": ("甘|陇", "Gansu"),
    "63": ("青", "Qinghai"),
    "64": ("宁", "Ningxia"),
    "65": ("新", "Xinjiang"),
    "71": ("台", "Taiwan"),
    "81": ("港", "Hong Kong"),
    "82": ("澳", "Macau|Macao"),
}
# Renames since the source's codes, and nicknames people use: name -> extra names.
EXTRA = {
    "盘县": "盘州市|盘州",
    "水城县": "水城区|水城",
    "六盘水市": "凉都",
    "包头市": "鹿城",
    "成都市": "蓉城",
    "昆明市": "春城",
    "哈尔滨市": "冰城",
    "重庆市": "山城",
}
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
    "自治州",
    "地区",
    "盟",
    "特区",
    "林区",
    "自治县",
    "自治旗",
    "县",
    "区",
    "旗",
)


def short(name: str) -> str:
    """The name without its administrative suffix (甘肃省 → 甘肃), if two characters remain."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            for ethnic in ("布依族苗族", "苗族侗族", "土家族苗族", "藏族羌族", "彝族", "藏族"):
                base = base.replace(ethnic, "")
            return base if len(base) >= 2 else name[: -len(suffix)]
    return name


def level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    return "city" if code[4:] == "0" * 8 else "county"


def main() -> None:
    # cpca's data file, read without importing cpca (which needs pandas and pyahocorasick)
    found = importlib.util.find_spec("cpca")
    if found is None or not found.submodule_search_locations:
        raise SystemExit("pip install cpca (its data is the source of the gazetteer)")
    folder = Path(next(iter(found.submodule_search_locations)))
    raw = (folder / "resources" / "adcodes.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    names = {r["adcode"]: r["name"] for r in rows}
    out = [
        "# PolicyKB gazetteer: China's administrative divisions (kb/regions.py reads it).",
        "# Source: adcodes.csv of the cpca package (MIT), built by tools/build_regions.py;",
        "# English names: pinyin (pypinyin) and, for provinces, by hand; "
        "names: 简称 and nicknames.",
        "code\tname\tlevel\tparent\tenglish\tnames",
    ]
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"], r["name"]
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        kind = level(code)
        parent = ""
        if kind == "city":
            parent = code[:2] + "0" * 10
        elif kind == "county":
            city = code[:4] + "0" * 8
            parent = city if names.get(city) not in (None, "市辖区", "县") else code[:2] + "0" * 10
        extra = [short(name)] if short(name) != name else []
        if kind == "province":
            abbreviations, english = PROVINCES[code[:2]]
            extra += abbreviations.split("|")
        else:
            english = "".join(lazy_pinyin(short(name))).capitalize()
        extra += EXTRA.get(name, "").split("|") if name in EXTRA else []
        out.append(f"{code}\t{name}\t{kind}\t{parent}\t{english}\t{'|'.join(dict.fromkeys(extra))}")
    target = Path(__file__).resolve().parent.parent / "kb" / "data" / "regions.tsv"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{target}: {len(out) - 4} regions")


if __name__ == "__main__":
    main()
